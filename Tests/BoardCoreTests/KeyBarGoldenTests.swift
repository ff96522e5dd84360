import XCTest

/// Every kind of screen's key bar at 80 and 160 columns, checked once here rather than in
/// each screen's golden file.
final class KeyBarGoldenTests: XCTestCase {
    func testEveryScreensKeyBarMatchesTheKeyBarsGoldenFile() throws {
        Golden.compare(try KeyBars.document(), name: "key-bars")
    }
}
