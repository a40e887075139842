import RepriseNumerics

/// A part of a training run that carries state from one step to the next: a transformation link,
/// a weight-gradient rule, a trial (its parameters, data order and random streams). Its state is a
/// value (`StateArchive`): `save` writes every entry a later step reads, `restore` reads them back
/// into a freshly built part of the same configuration, after which the run continues with the
/// same bits as one never interrupted (the resume tests check it for every registered
/// transformation). There is no default: a new component states what it carries, even when that
/// is nothing.
public protocol Checkpointable: AnyObject {
    func save(into state: inout StateArchive)
    /// Throws `StateError` naming an entry that is missing or of another type or length.
    func restore(from state: StateArchive) throws
}
