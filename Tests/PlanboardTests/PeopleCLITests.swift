import Foundation
import TestSupport
import XCTest

/// `planboard people` on a SQLite file: kept in the file, and said plainly to be advisory.
final class PeopleCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws { folder = try TempFolder("people-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., stdin: String? = nil, expect status: Int32 = 0,
                   file: StaticString = #filePath, line: UInt = #line) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"], stdin: stdin)
        XCTAssertEqual(result.status, status, "planboard \(args.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    func testPeopleOnASQLitePlanAreKeptAndSaidToBeAdvisory() throws {
        try planboard("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db)
        let empty = try planboard("people", "list", "--db", db)
        XCTAssertEqual(empty.stdout, "")
        XCTAssertTrue(empty.stderr.contains("nobody is in"), empty.stderr)
        XCTAssertTrue(empty.stderr.contains("are advisory: anyone who can write the file can change anything, and planboard does not check them"), empty.stderr)

        let added = try planboard("people", "add", "jackie", "--role", "chair", "--db", db)
        XCTAssertTrue(added.stdout.hasPrefix("Added jackie as chair. Roles in a SQLite file"), added.stdout)
        XCTAssertTrue(added.stdout.contains("advisory"), added.stdout)
        try planboard("people", "add", "vic", "--role", "viewer", "--db", db)
        let again = try planboard("people", "add", "vic", "--role", "editor", "--db", db, expect: 1)
        XCTAssertTrue(again.stderr.contains("vic is already in"), again.stderr)
        let changed = try planboard("people", "set-role", "vic", "--role", "editor", "--db", db)
        XCTAssertTrue(changed.stdout.hasPrefix("vic is now an editor."), changed.stdout)
        XCTAssertTrue(changed.stdout.contains("advisory"), changed.stdout)
        let unknown = try planboard("people", "set-role", "nobody", "--role", "chair", "--db", db, expect: 1)
        XCTAssertTrue(unknown.stderr.contains("there is nobody called nobody"), unknown.stderr)
        let password = try planboard("people", "add", "pat", "--role", "editor", "--password-stdin", "--db", db, stdin: "secret\n", expect: 1)
        XCTAssertTrue(password.stderr.contains("has no logins"), password.stderr)
        try planboard("people", "add", "bad", "--role", "boss", "--db", db, expect: 2)

        XCTAssertEqual(try planboard("people", "list", "--db", db).stdout, "jackie\tchair\nvic\teditor\n")
        // Advisory: a viewer in the file can still change the plan.
        try planboard("people", "set-role", "vic", "--role", "viewer", "--db", db)
        try planboard("set", "3b", "--note", "Vic's note", "--db", db, "--user", "vic")
        XCTAssertTrue(try planboard("log", "--db", db).stdout.contains("\tvic\tedit\t"))

        let copy = folder.path("copy.sqlite")
        let copied = try planboard("copy", "--from", db, "--to", copy)
        XCTAssertTrue(copied.stdout.contains("2 people"), copied.stdout)
        XCTAssertEqual(try planboard("people", "list", "--db", copy).stdout, "jackie\tchair\nvic\tviewer\n", "SQLite → SQLite keeps the people")
    }
}
