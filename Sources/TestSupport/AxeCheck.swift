import Foundation

/// Runs `scripts/axe_check.py`: axe-core's WCAG 2.2 AA rules on HTML files in headless
/// Chromium, and whether a page scrolls sideways at a given width.
public enum AxeCheck {
    public struct Result {
        /// 0: every page passed; 1: a violation or sideways scrolling; 2: the check could not run.
        public var status: Int32
        /// One line per violation, and per page a count and the scrolling verdict.
        public var report: String
        /// Why the check could not run (missing chromium, chromedriver, selenium or axe-core).
        public var problem: String

        public var couldNotRun: Bool { status == 2 }
    }

    public static var script: URL { Samples.repositoryRoot.appendingPathComponent("scripts/axe_check.py") }

    /// Checks `files` in one browser session at `width` CSS pixels, saving a full-page
    /// screenshot to `screenshot` when given (with several files, as NAME-1.png, NAME-2.png ...).
    public static func run(_ files: [String], width: Int? = nil, screenshot: String? = nil) throws -> Result {
        var arguments = [script.path]
        if let width { arguments += ["--width", String(width)] }
        if let screenshot { arguments += ["--screenshot", screenshot] }
        arguments += files
        // One way to run a program and read what it printed, in TestSupport.
        let result = try PostgresCluster.capture("/usr/bin/env", ["python3"] + arguments, environment: [:])
        return Result(status: result.status, report: result.stdout, problem: result.stderr)
    }
}

/// Where tests leave files for people to look at (screenshots): `.build/test-output/NAME`
/// in the repository, or `$PLANBOARD_TEST_OUTPUT/NAME`; kept after the run.
public enum TestOutput {
    public static func folder(_ name: String) throws -> URL {
        let root = ProcessInfo.processInfo.environment["PLANBOARD_TEST_OUTPUT"].map { URL(fileURLWithPath: $0) }
            ?? Samples.repositoryRoot.appendingPathComponent(".build/test-output")
        let url = root.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
