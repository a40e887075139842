import RepriseExperiments

extension Runner {
    /// The optimisation steps `cell` will train, as a run would build it (an epoch budget needs the
    /// dataset's size, so the dataset is read); nil when the cell cannot be built here (a dataset
    /// missing on this machine). What `reprise plan` scales stored step times by.
    public func plannedSteps(_ cell: Cell) -> Int? { try? plan(cell).totalSteps }
}
