import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page's HTML parsed by a real XML parser (the pack is written well-formed), as a
/// small tree the tests can search.
public final class HTMLNode {
    public let name: String
    public let attributes: [String: String]
    public var children: [HTMLNode] = []
    public var text = ""
    public weak var parent: HTMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// All text inside, in document order.
    public var allText: String { text + children.map(\.allText).joined() }

    public func all(_ name: String) -> [HTMLNode] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    public func all(where predicate: (HTMLNode) -> Bool) -> [HTMLNode] {
        (predicate(self) ? [self] : []) + children.flatMap { $0.all(where: predicate) }
    }

    public func first(_ name: String, _ attribute: String, _ value: String) -> HTMLNode? {
        all(name).first { $0.attributes[attribute] == value }
    }

    /// Every element in document order.
    public var elements: [HTMLNode] { [self] + children.flatMap(\.elements) }

    public static func parse(_ html: String) throws -> HTMLNode {
        let delegate = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseFailure(message: "\(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        return root
    }

    public struct ParseFailure: Error { var message: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: HTMLNode?
        var stack: [HTMLNode] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = HTMLNode(name: name, attributes: attributes)
            if let parent = stack.last {
                node.parent = parent
                parent.children.append(node)
            } else {
                root = node
            }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Text goes into a text child so allText keeps document order.
            let text = HTMLNode(name: "#text", attributes: [:])
            text.text = string
            stack.last?.children.append(text)
        }
    }
}
