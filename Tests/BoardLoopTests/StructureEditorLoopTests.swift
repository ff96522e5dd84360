import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// An area's statement through a real `$EDITOR` round trip, saved as one structure edit.
final class StructureEditorLoopTests: XCTestCase {
    func testAnAreaStatementEditedInAScriptedEditorIsSavedAndSigned() throws {
        try MainActor.assumeIsolated {
            let h = try Harness()
            let folder = try TempFolder("structure-editor")
            let script = folder.url.appendingPathComponent("editor.sh")
            try Data("#!/bin/sh\nprintf '%s' ' (restated)' >> \"$1\"\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            let before = try XCTUnwrap(h.source.plan.areas.first)
            let loop = try h.loop(editor: ExternalEditor(environment: ["EDITOR": script.path, "PATH": "/usr/bin:/bin"]))
            h.terminal.press(.char("2"), .char("S"))
            h.drain(loop)
            XCTAssertEqual(h.terminal.suspensions, 1, "the terminal was handed to the editor once and taken back")
            XCTAssertEqual(h.source.plan.area(number: before.number)?.weakness, before.weakness + " (restated)")
            XCTAssertTrue(h.terminal.screen.contains("Saved area \(before.number)'s weakness."), h.terminal.screen)
            XCTAssertEqual(h.source.log.last?.user, "tester", "the change is signed")
        }
    }
}
