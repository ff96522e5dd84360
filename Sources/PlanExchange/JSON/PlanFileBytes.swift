import Foundation
import PlanModel

/// Reads the bytes of a plan file, saying what a path is when it is not a file to read.
enum PlanFileBytes {
    enum Outcome {
        case success([UInt8])
        case failure(Problem)
    }

    /// The largest plan file read; a bigger file or a stream that runs past it is refused.
    static let maxBytes = 256 * 1024 * 1024

    /// Reads `path` (following links): a regular file, or a pipe or FIFO read to its end.
    /// Returns the bytes, or the problem in words ("is a folder; expected ...").
    static func read(_ path: String) -> Outcome {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return .failure(Problem(path: "", message: code == ENOENT ? "does not exist; expected a JSON plan file"
                : "cannot be read (\(String(cString: strerror(code)))); expected a readable JSON plan file"))
        }
        let kind = info.st_mode & S_IFMT
        switch kind {
        case S_IFDIR:
            return .failure(Problem(path: "", message: "is a folder; expected a JSON plan file"))
        case S_IFCHR, S_IFBLK:
            return .failure(Problem(path: "", message: "is a device, not a file; expected a JSON plan file (to read standard input, pipe the file in)"))
        case S_IFSOCK:
            return .failure(Problem(path: "", message: "is a socket, not a file; expected a JSON plan file"))
        case S_IFREG where Int(info.st_size) > maxBytes:
            return .failure(Problem(path: "", message: "is \(Int(info.st_size) / 1_048_576) MB; expected a plan file of at most \(maxBytes / 1_048_576) MB"))
        default:
            break
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(Problem(path: "", message: "cannot be read (\(String(cString: strerror(errno)))); expected a readable JSON plan file"))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        if kind == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Problem(path: "", message: "cannot be read (\(String(cString: strerror(errno)))); expected a readable JSON plan file"))
            }
            if n == 0 { break }
            guard bytes.count + n <= maxBytes else {
                let what = kind == S_IFIFO ? "goes on past" : "is larger than"
                return .failure(Problem(path: "", message: "\(what) \(maxBytes / 1_048_576) MB; expected a plan file of at most \(maxBytes / 1_048_576) MB"))
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }
}
