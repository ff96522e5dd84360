import Foundation
import PlanExchange
import PlanModel

/// Reads and writes the small JSON values kept in columns (leads, KPI links, findings, a
/// baseline, checkpoint snapshots) by hand, byte by byte.
///
/// Foundation's `JSONDecoder` costs tens of microseconds a call on Linux, and the strict
/// reader of plan files (`JSONParser`, which builds a tree of values with their lines and
/// columns) makes loading a plan of 100,000 actions take about 1.5 times the CPU time
/// (planboard-bench-store, docs/BENCHMARKS.md). Text in quotes is read by the strict
/// reader's own `JSONStringLiteral`, so both take and refuse the same text. The text
/// written is the text `JSONEncoder` with sorted keys writes, so files stay as they were.
enum ColumnJSON {
    struct Malformed: Error {}

    // MARK: Reading

    /// A cursor over the UTF-8 of one column's text.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func space() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func peek() -> UInt8? {
            space()
            return i < bytes.count ? bytes[i] : nil
        }

        mutating func expect(_ byte: UInt8) throws {
            guard peek() == byte else { throw Malformed() }
            i += 1
        }

        mutating func end() throws {
            guard peek() == nil else { throw Malformed() }
        }

        /// Consumes `null` if it is next.
        mutating func null() -> Bool {
            guard peek() == UInt8(ascii: "n"), i + 4 <= bytes.count,
                  bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else { return false }
            i += 4
            return true
        }

        /// Text in double quotes, read by the one reader the strict parser uses too.
        mutating func string() throws -> String {
            guard peek() == UInt8(ascii: "\""), let text = try? JSONStringLiteral.read(bytes, at: i) else { throw Malformed() }
            i = text.end
            return text.value
        }

        mutating func number() throws -> Double {
            _ = peek()
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                guard (0x30...0x39).contains(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                        || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { break }
                i += 1
            }
            guard i > start, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) else {
                throw Malformed()
            }
            return value
        }

        mutating func int() throws -> Int {
            // Plain digits, as planboard writes a whole number: read without making a Double
            // (a checkpoint of 10,000 risks holds 60,000 of them).
            _ = peek()
            var k = i
            var n = 0
            while k < bytes.count, k - i < 18, (0x30...0x39).contains(bytes[k]) {
                n = n * 10 + Int(bytes[k] - 0x30)
                k += 1
            }
            if k > i, k < bytes.count, !(0x30...0x39).contains(bytes[k]), bytes[k] != UInt8(ascii: "."), bytes[k] != UInt8(ascii: "e"),
               bytes[k] != UInt8(ascii: "E") {
                i = k
                return n
            }
            let value = try number()
            guard value.rounded() == value, let n = Int(exactly: value) else { throw Malformed() }
            return n
        }

        mutating func date() throws -> PlanDate {
            guard let date = ColumnJSON.date(try string()) else { throw Malformed() }
            return date
        }

        /// Reads an array, calling `element` for each item.
        mutating func array(_ element: (inout Reader) throws -> Void) throws {
            try expect(UInt8(ascii: "["))
            if peek() == UInt8(ascii: "]") { i += 1; return }
            while true {
                try element(&self)
                switch peek() {
                case UInt8(ascii: ","): i += 1
                case UInt8(ascii: "]"): i += 1; return
                default: throw Malformed()
                }
            }
        }

        /// The bytes of the string next, when they are plain printable ASCII (nil, reading
        /// nothing, when they are not): a key or a status compared without making a `String`
        /// for it. Anything else (an escape, a control character, UTF-8) is left to `string()`.
        mutating func plainBytes() throws -> UnsafeBufferPointer<UInt8>? {
            try expect(UInt8(ascii: "\""))
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), (0x20..<0x80).contains(bytes[i]) { i += 1 }
            guard i < bytes.count else { throw Malformed() }
            guard bytes[i] == UInt8(ascii: "\"") else {
                i = start - 1
                return nil
            }
            i += 1
            return UnsafeBufferPointer(rebasing: bytes[start..<i - 1])
        }

        /// Reads an object, calling `member` with each key's bytes; the member reads its value.
        mutating func fields(_ member: (inout Reader, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            try expect(UInt8(ascii: "{"))
            if peek() == UInt8(ascii: "}") { i += 1; return }
            while true {
                if let key = try plainBytes() {
                    try expect(UInt8(ascii: ":"))
                    try member(&self, key)
                } else {
                    var key = try string()
                    try expect(UInt8(ascii: ":"))
                    try key.withUTF8 { try member(&self, $0) }
                }
                switch peek() {
                case UInt8(ascii: ","): i += 1
                case UInt8(ascii: "}"): i += 1; return
                default: throw Malformed()
                }
            }
        }

        /// A status, by its name in the file.
        mutating func status() throws -> Status {
            guard let raw = try plainBytes() else {
                guard let status = Status(rawValue: try string()) else { throw Malformed() }
                return status
            }
            // The statuses of a checkpoint are read by the 100,000: from the bytes.
            guard let status = ColumnJSON.status(bytes: raw) else { throw Malformed() }
            return status
        }

        /// Skips a value of any kind (a key this reader does not know).
        mutating func skip() throws {
            switch peek() {
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "{"): try fields { r, _ in try r.skip() }
            case UInt8(ascii: "["): try array { r in try r.skip() }
            case UInt8(ascii: "t"): i += 4
            case UInt8(ascii: "f"): i += 5
            case UInt8(ascii: "n"): i += 4
            default: _ = try number()
            }
            guard i <= bytes.count else { throw Malformed() }
        }
    }

    /// Whether `raw` is the bytes of `name`.
    static func matches(_ raw: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        guard raw.count == name.utf8CodeUnitCount else { return false }
        guard let start = raw.baseAddress else { return true }
        return memcmp(start, name.utf8Start, raw.count) == 0
    }

    /// Runs `body` over UTF-8 `bytes`, requiring it to read them all.
    static func read<T>(bytes: UnsafeBufferPointer<UInt8>, _ body: (inout Reader) throws -> T) throws -> T {
        var reader = Reader(bytes)
        let value = try body(&reader)
        try reader.end()
        return value
    }

    /// Runs `body` over the UTF-8 of `text`, requiring it to read the whole text.
    static func read<T>(_ text: String, _ body: (inout Reader) throws -> T) throws -> T {
        var text = text
        return try text.withUTF8 { try read(bytes: $0, body) }
    }

    /// `YYYY-MM-DD` exactly, as `PlanDate(iso:)` reads it.
    static func date(_ text: String) -> PlanDate? {
        var text = text
        return text.withUTF8 { date(bytes: $0) }
    }

    /// `YYYY-MM-DD` exactly, from its UTF-8 bytes.
    static func date(bytes b: UnsafeBufferPointer<UInt8>) -> PlanDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for k in range {
                guard (0x30...0x39).contains(b[k]) else { return nil }
                n = n * 10 + Int(b[k] - 0x30)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return PlanDate(year: y, month: m, day: d)
    }

    /// A status from its name's UTF-8 bytes, the most common first.
    static func status(bytes raw: UnsafeBufferPointer<UInt8>) -> Status? {
        if matches(raw, "green") { return .green }
        if matches(raw, "complete") { return .complete }
        if matches(raw, "amber") { return .amber }
        if matches(raw, "red") { return .red }
        if matches(raw, "not-started") { return .notStarted }
        return nil
    }

    static func strings(_ text: String) throws -> [String] {
        var text = text
        return try text.withUTF8 { try strings(bytes: $0) }
    }

    /// A list of texts from its UTF-8 bytes (which need not be valid UTF-8: such text is refused).
    static func strings(bytes: UnsafeBufferPointer<UInt8>) throws -> [String] {
        try read(bytes: bytes) { r in
            var out: [String] = []
            try r.array { out.append(try $0.string()) }
            return out
        }
    }

    static func ints(_ text: String) throws -> [Int] {
        try read(text) { r in
            var out: [Int] = []
            try r.array { out.append(try $0.int()) }
            return out
        }
    }

    static func findings(_ text: String) throws -> [Finding] {
        try read(text) { r in
            var out: [Finding] = []
            try r.array { r in
                var letter: String?
                var body: String?
                try r.fields { r, key in
                    if matches(key, "letter") {
                        letter = try r.string()
                    } else if matches(key, "text") {
                        body = try r.string()
                    } else {
                        try r.skip()
                    }
                }
                guard let letter, let body else { throw Malformed() }
                out.append(Finding(letter: letter, text: body))
            }
            return out
        }
    }

    static func measure(_ text: String) throws -> Measure {
        try read(text) { r in
            var value: Double?
            var date: PlanDate?
            var note: String?
            try r.fields { r, key in
                if matches(key, "value") {
                    value = try r.number()
                } else if matches(key, "date") {
                    date = r.null() ? nil : try r.date()
                } else if matches(key, "note") {
                    note = try r.string()
                } else {
                    try r.skip()
                }
            }
            guard let value, let note else { throw Malformed() }
            return Measure(value: value, date: date, note: note)
        }
    }

    static func comparator(_ text: String) throws -> PlanModel.Comparator {
        try read(text) { r in
            var label: String?
            var value: Double?
            try r.fields { r, key in
                if matches(key, "label") {
                    label = try r.string()
                } else if matches(key, "value") {
                    value = try r.number()
                } else {
                    try r.skip()
                }
            }
            guard let label, let value else { throw Malformed() }
            return PlanModel.Comparator(label: label, value: value)
        }
    }

    static func score(_ r: inout Reader) throws -> Score {
        var likelihood: Int?
        var impact: Int?
        try r.fields { r, key in
            if matches(key, "likelihood") {
                likelihood = try r.int()
            } else if matches(key, "impact") {
                impact = try r.int()
            } else {
                try r.skip()
            }
        }
        guard let likelihood, let impact else { throw Malformed() }
        return Score(likelihood: likelihood, impact: impact)
    }

    static func checkpoint(_ text: String) throws -> Checkpoint {
        var text = text
        return try text.withUTF8 { try checkpoint(bytes: $0) }
    }

    /// A checkpoint from the bytes of its column, read where SQLite holds them: a snapshot of
    /// 100,000 actions is megabytes, not worth copying into a `String` first.
    static func checkpoint(bytes: UnsafeBufferPointer<UInt8>) throws -> Checkpoint {
        try read(bytes: bytes) { r in
            var name: String?
            var date: PlanDate?
            var actions: [Checkpoint.ActionState]?
            var risks: [Checkpoint.RiskState]?
            var kpis: [Checkpoint.KPIState]?
            try r.fields { r, key in
                switch String(decoding: key, as: UTF8.self) {
                case "name": name = try r.string()
                case "date": date = try r.date()
                case "actions":
                    var list: [Checkpoint.ActionState] = []
                    // A checkpoint holds every action: its keys and statuses are compared as bytes.
                    try r.array { r in
                        var ref: String?
                        var status: Status?
                        try r.fields { r, key in
                            if matches(key, "ref") {
                                ref = try r.string()
                            } else if matches(key, "status") {
                                status = try r.status()
                            } else {
                                try r.skip()
                            }
                        }
                        guard let ref, let status else { throw Malformed() }
                        list.append(Checkpoint.ActionState(ref: ref, status: status))
                    }
                    actions = list
                case "risks":
                    var list: [Checkpoint.RiskState] = []
                    try r.array { r in
                        var ref: String?
                        var inherent: Score?
                        var residual: Score?
                        var target: Score?
                        try r.fields { r, key in
                            if matches(key, "ref") {
                                ref = try r.string()
                            } else if matches(key, "inherent") {
                                inherent = try score(&r)
                            } else if matches(key, "residual") {
                                residual = try score(&r)
                            } else if matches(key, "target") {
                                target = try score(&r)
                            } else {
                                try r.skip()
                            }
                        }
                        guard let ref, let inherent, let residual, let target else { throw Malformed() }
                        list.append(Checkpoint.RiskState(ref: ref, inherent: inherent, residual: residual, target: target))
                    }
                    risks = list
                case "kpis":
                    var list: [Checkpoint.KPIState] = []
                    try r.array { r in
                        var ref: String?
                        var actuals: [Double?]?
                        try r.fields { r, key in
                            switch String(decoding: key, as: UTF8.self) {
                            case "ref": ref = try r.string()
                            case "actuals":
                                var values: [Double?] = []
                                try r.array { r in values.append(r.null() ? nil : try r.number()) }
                                actuals = values
                            default: try r.skip()
                            }
                        }
                        guard let ref, let actuals else { throw Malformed() }
                        list.append(Checkpoint.KPIState(ref: ref, actuals: actuals))
                    }
                    kpis = list
                default: try r.skip()
                }
            }
            guard let name, let date, let actions, let risks, let kpis else { throw Malformed() }
            return Checkpoint(name: name, date: date, actions: actions, risks: risks, kpis: kpis)
        }
    }

    // MARK: Writing

    /// `["a","b"]` as `JSONEncoder` writes it; text needing escapes goes through the encoder.
    static func text(_ strings: [String]) throws -> String {
        var out = "["
        for (n, s) in strings.enumerated() {
            for b in s.utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                return try JSONColumns(file: "").text(strings)
            }
            if n > 0 { out.append(",") }
            out.append("\"")
            out.append(s)
            out.append("\"")
        }
        out.append("]")
        return out
    }

    /// A checkpoint as `JSONEncoder` with sorted keys writes it. Text needing escapes, or a
    /// number that is not a whole one, goes through the encoder, so the text is always its.
    static func text(_ checkpoint: Checkpoint) throws -> String {
        func plain(_ s: String) -> Bool {
            !s.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        func whole(_ d: Double) -> Bool { d.rounded() == d && abs(d) < 1e15 }
        guard plain(checkpoint.name),
              checkpoint.actions.allSatisfy({ plain($0.ref) }), checkpoint.risks.allSatisfy({ plain($0.ref) }),
              checkpoint.kpis.allSatisfy({ plain($0.ref) && $0.actuals.allSatisfy { $0.map(whole) ?? true } }) else {
            return try JSONColumns(file: "").text(checkpoint)
        }
        func score(_ s: Score) -> String { "{\"impact\":\(s.impact),\"likelihood\":\(s.likelihood)}" }
        var out = "{\"actions\":["
        out.reserveCapacity(40 * checkpoint.actions.count + 120 * checkpoint.risks.count + 200)
        for (n, a) in checkpoint.actions.enumerated() {
            if n > 0 { out += "," }
            out += "{\"ref\":\""
            out += a.ref
            out += "\",\"status\":\""
            out += a.status.rawValue
            out += "\"}"
        }
        out += "],\"date\":\"\(checkpoint.date.iso)\",\"kpis\":["
        for (n, k) in checkpoint.kpis.enumerated() {
            if n > 0 { out += "," }
            out += "{\"actuals\":[" + k.actuals.map { $0.map { String(Int($0)) } ?? "null" }.joined(separator: ",")
            out += "],\"ref\":\"" + k.ref + "\"}"
        }
        out += "],\"name\":\"" + checkpoint.name + "\",\"risks\":["
        for (n, r) in checkpoint.risks.enumerated() {
            if n > 0 { out += "," }
            out += "{\"inherent\":" + score(r.inherent) + ",\"ref\":\"" + r.ref + "\",\"residual\":" + score(r.residual)
            out += ",\"target\":" + score(r.target) + "}"
        }
        out += "]}"
        return out
    }

    static func text(_ numbers: [Int]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }
}
