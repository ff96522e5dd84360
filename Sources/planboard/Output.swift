import Foundation
import PlanModel

/// A refused operation or invalid input, reported with exit code 1.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Writing out: results to standard output, messages to standard error, exports to files.
///
/// Every write is checked: a full disk, a closed pipe or a device that refuses the bytes is
/// a `CLIError` naming what could not be written and why, never a crash or a silent empty
/// file. Nothing here prints a control character from a plan: callers pass plan text
/// through `Visible`, and messages are made visible here.
enum Output {
    /// A message for the person (standard error), with any control character in it shown.
    static func error(_ message: String) {
        _ = try? writeAll(Data("planboard: \(Visible.lines(message))\n".utf8), to: 2)
    }

    /// A notice that is not the command's output (e.g. "created a plan at ...").
    static func notice(_ message: String) { error(message) }

    /// One line of output, written at once (not buffered), so a script reading it sees
    /// each line as soon as the work it reports is done.
    /// Control characters other than line breaks and tabs are shown, whatever the caller
    /// passed: a field a caller forgot to pass through `Visible` still cannot act on a
    /// terminal.
    static func line(_ text: String) throws {
        try standardOutput(Visible.lines(text) + "\n")
    }

    /// A list, a line per item, or `none` when it is empty (a list command's "No … yet").
    static func lines(_ items: [String], orIfNone none: String) throws {
        if items.isEmpty { try line(none) }
        for item in items { try line(item) }
    }

    /// Writes `text` to standard output, all of it, or says why it could not. On a terminal,
    /// any control character in it (an escape sequence in plan text) is shown, not obeyed.
    static func standardOutput(_ text: String) throws {
        do {
            try writeAll(Data((isatty(1) == 1 ? Visible.lines(text) : text).utf8), to: 1)
        } catch let error as WriteFailure {
            throw CLIError("cannot write to standard output: \(error.reason)")
        }
    }

    /// Writes `text` to `path` as the person means it:
    /// - `-` is standard output;
    /// - a symbolic link is followed, and what it points at is written;
    /// - a device, FIFO or socket is written into directly (never replaced);
    /// - a regular file (or a new one) is written to a temporary file beside it, flushed to
    ///   disk and renamed into place, so an interrupted or failed write leaves the old file
    ///   whole; an existing file keeps its permissions and owner.
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path, isText: true)
    }

    /// Writes `bytes` to `path` as `write(_:to:)` does. Text written into a terminal shows
    /// its control characters; a binary file (a PDF, a Word file) is never written into one.
    /// A read-only file is refused, never replaced.
    static func write(_ bytes: Data, to path: String, isText: Bool) throws {
        if path == "-" {
            guard isText else {
                throw CLIError("cannot write a binary file to standard output; expected -o FILE")
            }
            return try standardOutput(String(decoding: bytes, as: UTF8.self))
        }
        let target = resolvingLinks(path)
        var info = stat()
        let exists = lstat(target, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists && kind == S_IFDIR {
            throw CLIError("cannot write \(path): it is a folder; expected a file name to write to")
        }
        if exists && kind != S_IFREG {
            let fd = open(target, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw CLIError("cannot write \(path): \(reason(errno))") }
            defer { close(fd) }
            var data = bytes
            if isatty(fd) == 1 {
                guard isText else { throw CLIError("cannot write a binary file into the terminal \(path); expected a file name") }
                data = Data(Visible.lines(String(decoding: bytes, as: UTF8.self)).utf8)
            }
            do { try writeAll(data, to: fd) } catch let error as WriteFailure {
                throw CLIError("cannot write \(path): \(error.reason)")
            }
            return
        }
        if exists && info.st_mode & 0o222 == 0 {
            throw CLIError("cannot write \(path): it is read-only; \(path) was left as it was. Make it writable, or give another file")
        }
        try replaceRegularFile(target, named: path, with: bytes, keeping: exists ? info : nil)
    }

    /// The file a path names once every symbolic link is followed (a dangling link gives
    /// the path it points to, so writing creates the file there).
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = destination.hasPrefix("/") ? destination
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return current
    }

    private static func replaceRegularFile(_ target: String, named path: String, with data: Data, keeping old: stat?) throws {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).planboard-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else { throw CLIError("cannot write \(path): \(reason(errno)); nothing was written") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do {
            try writeAll(data, to: fd)
            if let old {
                _ = fchown(fd, old.st_uid, old.st_gid)
                fchmod(fd, old.st_mode & 0o7777)
            } else {
                let mask = umask(0)
                umask(mask)
                fchmod(fd, 0o666 & ~mask)
            }
            guard fsync(fd) == 0 else { throw WriteFailure(reason: reason(errno)) }
        } catch let error as WriteFailure {
            close(fd)
            throw CLIError("cannot write \(path): \(error.reason); \(old == nil ? "nothing was written" : "\(path) was left as it was")")
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            throw CLIError("cannot write \(path): \(reason(errno)); \(old == nil ? "nothing was written" : "\(path) was left as it was")")
        }
        ok = true
    }

    struct WriteFailure: Error { var reason: String }

    /// Writes every byte to a file descriptor, retrying short writes and interruptions.
    private static func writeAll(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Glibc.write(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(reason: reason(errno))
                }
                left -= n
                base += n
            }
        }
    }

    /// The system's words for an error number, e.g. "No space left on device".
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
