import Foundation

public enum ReportError: Error, CustomStringConvertible {
    case gnuplotMissing
    case gnuplotFailed(script: String, message: String)
    case nothingStored(String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .gnuplotMissing:
            return "gnuplot is not installed: run `make setup` (apt-get install gnuplot-nox). Every figure's data (.tsv) and script (.gp) and summary.md were written; no PNG or SVG."
        case .gnuplotFailed(let script, let message):
            return "gnuplot failed on \(script):\n\(message)"
        case .nothingStored(let text):
            return text
        case .unwritable(let path, let reason):
            return "cannot write \(path) (\(reason)); make its folder writable, free some space, or pass --figures DIR"
        }
    }
}

/// Writes what reports produce, turning a file-system failure into an error naming the path and
/// the fix (Foundation's own says "NSCocoaErrorDomain Code=642").
public enum ReportFiles {
    public static func folder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        catch { throw ReportError.unwritable(path: path, reason: reason(error)) }
    }

    public static func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        catch { throw ReportError.unwritable(path: path, reason: reason(error)) }
    }

    /// The POSIX reason under a Foundation error, e.g. "Permission denied", "No space left on device".
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError, 642: return "Permission denied"
        case NSFileWriteOutOfSpaceError: return "No space left on device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        default: return ns.localizedDescription
        }
    }
}
