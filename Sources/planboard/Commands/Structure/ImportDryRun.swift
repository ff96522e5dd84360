import Foundation
import PlanModel
import PlanStore
import PlanStorePostgres

/// A dry run is the real run without the write: each refusal the real import would give
/// after reading the file, the dry run gives too, with the same words and exit status.
enum ImportDryRun {
    /// The one refusal of a whole plan over a plan already there without --replace.
    static func alreadyHolds(_ place: String, _ localArea: String) -> CLIError {
        CLIError("\(place) already holds the plan for \(Visible.field(localArea)); nothing was changed. Add --replace to replace it, or give another --db")
    }

    /// What saving a whole plan (a Word plan or JSON) would refuse, checked without writing.
    static func checkWholePlan(replace: Bool, store: StoreOptions) throws {
        let path = store.path
        if PostgresLocation.isURL(path) { return try checkSharedWholePlan(replace: replace, store: store) }
        let files = FileManager.default
        let size = (try? files.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        if files.fileExists(atPath: path) && size != 0 {
            let existing = try PlanStore.open(path: path, user: store.userName, forReading: true)
            let current = try existing.load()
            guard replace else { throw alreadyHolds(path, current.header.localArea) }
            if !files.isWritableFile(atPath: path) { throw readOnly(path) }
        } else {
            // A new file: its folder is made if need be, inside the nearest folder there is.
            var folder = (path as NSString).deletingLastPathComponent
            if folder.isEmpty { folder = "." }
            while !files.fileExists(atPath: folder), folder != "/", !folder.isEmpty { folder = (folder as NSString).deletingLastPathComponent }
            if !files.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw CLIError("\(Visible.field(path)) cannot be made: \(Visible.field(folder)) is not writable; nothing was changed")
            }
        }
    }

    /// What a tracker's changes would be refused for, checked without writing.
    static func checkTracker(_ db: any PlanStoring, changes: Int, store: StoreOptions) throws {
        guard changes > 0 else { return }  // the real run writes nothing then, so refuses nothing
        if let role = db.enforcedRole, role == .viewer {
            throw CLIError("\(db.user) is a viewer, and only an editor or a chair may change the plan; nothing was changed")
        }
        if !PostgresLocation.isURL(store.path), !FileManager.default.isWritableFile(atPath: store.path) { throw readOnly(store.path) }
    }

    static func readOnly(_ path: String) -> CLIError {
        CLIError("\(path) is read-only, so it was opened for reading only; nothing was changed. Make the file writable to change the plan")
    }

    /// A shared plan: refused without --replace, and for anyone but a chair, whether the
    /// database holds a plan or has none yet, with the words the real run uses.
    static func checkSharedWholePlan(replace: Bool, store options: StoreOptions) throws {
        let location = try options.requirePostgres(for: "import")
        do {
            let store = try options.openPostgres(location)
            defer { store.close() }
            let current = try store.load().header.localArea
            guard replace else { throw alreadyHolds("\(location)", current) }
            if let refusal = store.replaceRefusal { throw refusal }
        } catch let error as StoreError where error.kind == .notFound && error.message.contains("no plan yet") {
            if let refusal = try PostgresAdmin.refusalToCreate(location) { throw refusal }
        }
    }
}
