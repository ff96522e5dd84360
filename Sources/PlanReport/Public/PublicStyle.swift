import Foundation
/// The published page's style: plain, like a council's GOV.UK-style page, with none of
/// GOV.UK's logos, fonts or other assets. Mobile first: one column, wider margins from 641 px.
/// Colours pass WCAG AA contrast; status is always in words, colour only adds to it.
enum PublicStyle {
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-family: Arial, "Helvetica Neue", "DejaVu Sans", sans-serif; font-size: 100%; line-height: 1.5; color: #0b0c0c; background: #ffffff; -webkit-text-size-adjust: 100%; }
        body { margin: 0; overflow-wrap: anywhere; }
        .width { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
        a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
        a:visited { color: #4c2c92; }
        a:hover { color: #003078; text-decoration-thickness: 0.15em; }
        a:focus { outline: 3px solid transparent; color: #0b0c0c; background: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
        .skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: #ffdd00; color: #0b0c0c; }
        .skip-link:focus { left: 0; z-index: 10; }
        .site-header { background: #0b0c0c; color: #ffffff; border-bottom: 0.625rem solid #1d70b8; }
        .site-name { margin: 0; padding: 0.75rem 0; font-weight: bold; font-size: 1.125rem; }
        main { display: block; padding: 1.25rem 0 2rem; }
        main:focus { outline: none; }
        h1 { font-size: 2rem; line-height: 1.1; margin: 0.5rem 0 1.5rem; }
        h2 { font-size: 1.5rem; line-height: 1.2; margin: 2.5rem 0 1rem; }
        h3 { font-size: 1.25rem; line-height: 1.25; margin: 1.75rem 0 0.75rem; }
        p, li, dd, dt, figcaption { max-width: 42em; }
        p { margin: 0 0 1rem; }
        ul { padding-left: 1.25rem; margin: 0 0 1rem; }
        li { margin-bottom: 0.4rem; }
        .contents { border-left: 0.3rem solid #b1b4b6; padding-left: 1rem; margin-bottom: 2rem; }
        .contents h2 { margin-top: 0; font-size: 1.25rem; }
        .links { list-style: none; padding: 0; }
        .links li { padding: 0.5rem 0; border-bottom: 1px solid #b1b4b6; }
        .item { border-left: 0.3rem solid #b1b4b6; padding: 0.25rem 0 0.25rem 0.9rem; margin: 0 0 1.25rem; }
        .item p { margin: 0 0 0.35rem; }
        .item-title { font-size: 1.0625rem; }
        .rag, .kpi, .band { display: inline-block; padding: 0 0.35rem; font-weight: bold; }
        .rag-red { background: #f4cdc6; color: #2a0b06; } .rag-amber { background: #fcd6c3; color: #6e3619; }
        .rag-green { background: #cce2d8; color: #005a30; } .rag-complete { background: #bbd4ea; color: #0c2d4a; }
        .rag-not-started { background: #e5e6e7; color: #282d30; }
        .kpi-off { background: #f4cdc6; color: #2a0b06; } .kpi-near { background: #fcd6c3; color: #6e3619; }
        .kpi-on-target { background: #cce2d8; color: #005a30; } .kpi-no-data { background: #e5e6e7; color: #282d30; }
        .band-high { background: #f4cdc6; color: #2a0b06; } .band-medium { background: #fcd6c3; color: #6e3619; } .band-low { background: #cce2d8; color: #005a30; }
        .flag { font-weight: bold; }
        figure { margin: 0 0 1rem; }
        figcaption { font-size: 0.9375rem; color: #484949; margin-top: 0.25rem; }
        svg { max-width: 100%; height: auto; }
        svg.status-bar { display: block; width: 100%; height: 1.75rem; border: 1px solid #0b0c0c; }
        svg.status-bar .bar-red { fill: #d4351c; } svg.status-bar .bar-amber { fill: #f47738; } svg.status-bar .bar-green { fill: #00703c; }
        svg.status-bar .bar-complete { fill: #1d70b8; } svg.status-bar .bar-not-started { fill: #b1b4b6; }
        svg text { font-family: Arial, "DejaVu Sans", sans-serif; }
        svg.kpi-chart .frame { stroke: #505a5f; } svg.kpi-chart .tick { font-size: 9px; fill: #0b0c0c; }
        svg.kpi-chart .target { fill: none; stroke: #505a5f; stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg.kpi-chart .target-point { fill: #ffffff; stroke: #505a5f; stroke-width: 1.5; }
        svg.kpi-chart .actual { fill: none; stroke: #1d70b8; stroke-width: 2; }
        svg.kpi-chart .actual-point { fill: #1d70b8; }
        svg.kpi-chart .comparator { stroke: #505a5f; stroke-width: 1; stroke-dasharray: 1 3; }
        .table { max-width: 100%; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; font-size: 0.9375rem; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0.5rem 0.5rem 0; text-align: left; vertical-align: top; }
        tbody th { font-weight: normal; }
        .back { padding-top: 1rem; }
        .site-footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 1.5rem 0; }
        .site-footer p { margin: 0; }
        @media (min-width: 641px) {
          html { font-size: 118.75%; }
          .width { padding: 0 1.875rem; }
          h1 { font-size: 3rem; }
          h2 { font-size: 2.25rem; }
          h3 { font-size: 1.5rem; }
        }
        @media print {
          .skip-link, .contents, .back { display: none; }
          .site-header { background: none; color: #0b0c0c; border-bottom: 2px solid #0b0c0c; }
          a { color: #0b0c0c; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    /// The council's own style inside a `<style>` element: nothing in it can close the element.
    static func inline(_ css: String) -> String {
        css.replacingOccurrences(of: "</", with: "<\\/")
    }
}
