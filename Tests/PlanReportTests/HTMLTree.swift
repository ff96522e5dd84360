import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The pack's HTML parsed by a real XML parser (the pack is written well-formed), as a
/// small tree the tests can search.
final class Node {
    let name: String
    let attributes: [String: String]
    var children: [Node] = []
    var text = ""
    weak var parent: Node?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// All text inside, in document order.
    var allText: String { text + children.map(\.allText).joined() }

    func all(_ name: String) -> [Node] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    func all(where predicate: (Node) -> Bool) -> [Node] {
        (predicate(self) ? [self] : []) + children.flatMap { $0.all(where: predicate) }
    }

    func first(_ name: String, _ attribute: String, _ value: String) -> Node? {
        all(name).first { $0.attributes[attribute] == value }
    }

    /// Every element in document order.
    var elements: [Node] { [self] + children.flatMap(\.elements) }

    static func parse(_ html: String) throws -> Node {
        let delegate = Builder()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseFailure(message: "\(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        return root
    }

    struct ParseFailure: Error { var message: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Node?
        var stack: [Node] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let node = Node(name: name, attributes: attributes)
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
            let text = Node(name: "#text", attributes: [:])
            text.text = string
            stack.last?.children.append(text)
        }
    }
}
