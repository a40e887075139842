import RepriseConfig
import RepriseNumerics

/// A network's layers as a spec lists them, one string each, input to output (the output layer, a
/// dense layer to the classes, is added):
///
///     architecture = ["conv 32 5 same", "relu", "maxpool 2", "conv 64 5 same", "relu", "maxpool 2",
///                     "dense 1024", "relu"]                            # DeepOBS's fmnist_2c2d
///
/// - `conv F K [stride S] [same | valid | pad P]`: F filters of K×K (default stride 1, same padding);
/// - `maxpool K [stride S]`, `avgpool K [stride S]`: K×K windows (default stride K);
/// - `relu`, `tanh`, `sigmoid`, `softplus`: the activation, elementwise;
/// - `dense N`: a fully connected layer of N outputs (the feature map is flattened, channel-major);
/// - `flatten`: says where the feature map becomes a vector (a dense layer implies it).
///
/// Adding a layer type: its file implementing `Layer`, one case here and its line in `parse` and
/// `append`.
public enum LayerEntry: Sendable, Hashable {
    case conv(filters: Int, kernel: Int, stride: Int, padding: Int?)
    case pool(Pool2D<Float>.Kind, size: Int, stride: Int?)
    case activation(Activation)
    case dense(Int)
    case flatten

    /// The entry `text` describes, or what is wrong with it.
    public static func parse(_ text: String) -> Result<LayerEntry, LayerError> {
        let words = text.split(separator: " ").map(String.init)
        func number(_ i: Int, _ what: String) throws -> Int {
            guard i < words.count, let n = Int(words[i]), n > 0, n <= 100_000 else {
                throw LayerError("'\(text)': \(what) must be a whole number from 1 to 100000")
            }
            return n
        }
        do {
            switch words.first {
            case "conv":
                let filters = try number(1, "the filter count"), kernel = try number(2, "the kernel size")
                var stride = 1, padding: Int?, i = 3
                while i < words.count {
                    switch words[i] {
                    case "stride": stride = try number(i + 1, "the stride"); i += 2
                    case "same": padding = nil; i += 1
                    case "valid": padding = 0; i += 1
                    case "pad":
                        guard i + 1 < words.count, let p = Int(words[i + 1]), p >= 0, p < 1000 else { throw LayerError("'\(text)': pad takes a whole number of zeros") }
                        padding = p; i += 2
                    default: throw LayerError("'\(text)': unknown option '\(words[i])'; a convolution takes stride S, same, valid or pad P")
                    }
                }
                if padding == nil && kernel % 2 == 0 { throw LayerError("'\(text)': same padding needs an odd kernel; give pad P") }
                return .success(.conv(filters: filters, kernel: kernel, stride: stride, padding: padding))
            case "maxpool", "avgpool":
                let size = try number(1, "the window size")
                var stride: Int?
                if words.count > 2 {
                    guard words[2] == "stride", words.count == 4 else { throw LayerError("'\(text)': a pooling takes only stride S") }
                    stride = try number(3, "the stride")
                }
                return .success(.pool(words[0] == "maxpool" ? .max : .average, size: size, stride: stride))
            case "dense":
                guard words.count == 2 else { throw LayerError("'\(text)': write dense N") }
                return .success(.dense(try number(1, "the width")))
            case "flatten" where words.count == 1:
                return .success(.flatten)
            case let name? where words.count == 1 && Activation(rawValue: name) != nil:
                return .success(.activation(Activation(rawValue: name)!))
            default:
                throw LayerError("'\(text)': not a layer; write conv F K, maxpool K, avgpool K, dense N, flatten or an activation (\(Activation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        } catch let error as LayerError {
            return .failure(error)
        } catch {
            return .failure(LayerError("\(error)"))
        }
    }
}

public struct LayerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The network of a layer list on inputs of `input`'s shape with `outputs` outputs, or what is wrong
/// with it: a convolution after a dense layer, a window larger than its feature map.
public struct Architecture: Sendable {
    public let entries: [LayerEntry]
    public let input: FeatureShape

    /// Parses `texts`; throws naming the first entry that is not a layer (1-based, as a reader counts).
    public init(_ texts: [String], input: FeatureShape) throws {
        var entries: [LayerEntry] = []
        for (i, text) in texts.enumerated() {
            switch LayerEntry.parse(text) {
            case .success(let e): entries.append(e)
            case .failure(let error): throw LayerError("entry \(i + 1): \(error)")
            }
        }
        self.entries = entries
        self.input = input
    }

    /// How many dense layers the network has, its output layer included (ISAAC's and K-FAC's layers).
    public var denseLayerCount: Int { entries.filter { if case .dense = $0 { return true } else { return false } }.count + 1 }

    /// The layers, built on the way through the shapes; throws naming the entry that does not fit.
    public func layers<S: Scalar>(outputs: Int, initialization: Dense<S>.Initialization, as: S.Type = S.self) throws -> [AnyLayer<S>] {
        var out: [AnyLayer<S>] = []
        var shape: FeatureShape? = input, width = input.count
        for (i, entry) in entries.enumerated() {
            let at = "entry \(i + 1)"
            switch entry {
            case .conv(let filters, let kernel, let stride, let padding):
                guard let s = shape else { throw LayerError("\(at): a convolution after the feature map was flattened") }
                let p = padding ?? (kernel - 1) / 2
                guard s.height + 2 * p >= kernel, s.width + 2 * p >= kernel else {
                    throw LayerError("\(at): a \(kernel)×\(kernel) kernel with padding \(p) does not fit a \(s) feature map")
                }
                let conv = Conv2D<S>(input: s, filters: filters, kernel: kernel, stride: stride, padding: padding, initialization: initialization)
                out.append(.other(conv)); shape = conv.output
            case .pool(let kind, let size, let stride):
                guard let s = shape else { throw LayerError("\(at): a pooling after the feature map was flattened") }
                guard s.height >= size, s.width >= size else { throw LayerError("\(at): a \(size)×\(size) window does not fit a \(s) feature map") }
                let pool = Pool2D<S>(kind == .max ? .max : .average, input: s, size: size, stride: stride)
                out.append(.other(pool)); shape = pool.output
            case .activation(let a):
                out.append(.activation(ActivationLayer(a, width: width)))
            case .dense(let n):
                out.append(.dense(Dense(width, n, initialization: initialization))); shape = nil; width = n
            case .flatten:
                shape = nil
            }
            width = shape?.count ?? width
        }
        out.append(.dense(Dense(width, outputs, initialization: initialization)))
        return out
    }

    /// The parameter count of the network with `outputs` outputs (for size checks before building).
    public func parameterCount(outputs: Int) throws -> Int {
        try layers(outputs: outputs, initialization: .he, as: Float.self).reduce(0) { $0 + $1.parameterCount }
    }
}
