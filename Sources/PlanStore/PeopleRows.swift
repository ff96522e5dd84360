import Foundation
import GRDB
import PlanModel

/// The people of a plan in a SQLite file and their roles. Here roles are advisory: anyone
/// who can write the file can change anything, and planboard does not check them. They are
/// kept so that `planboard copy` can carry them to a PostgreSQL server, which enforces them.
enum PeopleRows {
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-people") { db in
            try db.execute(sql: """
                CREATE TABLE person (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'chair'))
                )
                """)
        }
    }

    /// Everyone, by name. A file opened read-only before its migration has nobody.
    static func read(_ db: Database, file: String) throws -> [PlanPerson] {
        guard try db.tableExists("person") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT name, role FROM person ORDER BY name").map { row in
            let name: String = row["name"]
            let role: String = row["role"]
            guard let known = PlanRole(rawValue: role) else {
                throw StoreError(.corrupt, "\(file): person \(name) has the role \(role); expected viewer, editor or chair")
            }
            return PlanPerson(name: name, role: known)
        }
    }

    static func write(_ people: [PlanPerson], _ db: Database) throws {
        for person in people {
            try db.execute(sql: "INSERT INTO person (name, role) VALUES (?, ?)", arguments: [person.name, person.role.rawValue])
        }
    }
}

extension PlanStore {
    /// The plan's people and their (advisory) roles, by name.
    public func people() throws -> [PlanPerson] {
        do { return try db.read { db in try PeopleRows.read(db, file: path) } } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// Adds a person (`new`) or changes the role of one already in the file.
    public func setPerson(_ name: String, role: PlanRole, new: Bool) throws {
        if let problem = PlanPerson.problem(with: name) { throw StoreError(.refused, problem) }
        try checkWritable()
        do {
            try db.write { db in
                let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE name = ?)", arguments: [name]) ?? false
                if new && known {
                    throw StoreError(.refused, "\(name) is already in \(path); use people set-role to change their role. Nothing was changed")
                }
                if !new && !known {
                    throw StoreError(.notFound, "there is nobody called \(name) in \(path); add them with people add. Nothing was changed")
                }
                try db.execute(sql: "INSERT INTO person (name, role) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET role = excluded.role",
                               arguments: [name, role.rawValue])
            }
        } catch {
            throw Self.translate(error, path: path, waited: busyTimeout)
        }
    }
}
