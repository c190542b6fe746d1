//! The one write path: imports, merges, reverts and the seed all reach the store
//! and the index through [`Kb::write`], which marks the home, writes the store,
//! updates the index and clears the mark.

use super::{timing, Kb};
use crate::error::{Error, Result};
use crate::import::{self, Batch, Report};
use crate::index;
use crate::resolve::on_import;
use crate::store::{Change, Decision};

impl Kb {
    /// Validates records and, unless `dry_run`, applies them to the store and index.
    pub fn import(&mut self, records: Batch, label: &str, dry_run: bool) -> Result<Report> {
        if dry_run {
            self.phase(&format!("checking {} records", records.records.len()));
            return Ok(import::plan(&self.store, records)?.report);
        }
        self.apply(records, label, false)
    }

    fn phase(&self, what: &str) {
        if let Some(f) = &self.on_phase {
            f(what);
        }
        timing(what);
    }

    pub(super) fn apply(&mut self, records: Batch, label: &str, seeding: bool) -> Result<Report> {
        self.phase(&format!("checking {} records", records.records.len()));
        let plan = import::plan(&self.store, records)?;
        let mut report = plan.report;
        if plan.changes.is_empty() && plan.decisions.is_empty() && !seeding {
            return Ok(report);
        }
        let resolve = self.resolve_imports && !seeding;
        let at = crate::time::now();
        let mut decisions = plan.decisions;
        let mut resolved_before = false;
        if resolve {
            self.phase("linking the import's people to the others");
            if let Some(linked) =
                on_import::before_write(&self.store, &plan.changes, &decisions, at)?
            {
                decisions.extend(linked.decisions.iter().cloned());
                report.resolved = linked;
                resolved_before = true;
            }
        }
        report.generation = Some(self.write(&plan.changes, &decisions, label, seeding)?);
        if resolve && !resolved_before {
            self.phase("linking the import's people to the others");
            let linked = on_import::after_write(&self.store, &plan.changes, at)?;
            if !linked.decisions.is_empty() {
                let label = format!("resolve ({label})");
                report.generation = Some(self.write(&[], &linked.decisions, &label, false)?);
            }
            report.resolved = linked;
        }
        drop(plan.changes);
        timing("freed the import's records");
        Ok(report)
    }

    /// Writes validated changes to the store, then to the index, so that a crash at
    /// any moment leaves the store before or after them and the next command can
    /// tell which and catch the index up (see [`crate::kb`]). Returns the new
    /// generation.
    fn write(
        &mut self,
        changes: &[Change],
        decisions: &[Decision],
        label: &str,
        seeding: bool,
    ) -> Result<u64> {
        crate::pause::at("planned");
        self.home
            .write_marker(self.store.generation()? + 1, label)?;
        crate::pause::at("marked");
        // Worked out before the store is written: the facts it reads are those of
        // entities that existed, and this import's own facts are in `changes`.
        timing("finding the documents to re-index");
        let mut affected = index::affected(&self.store, changes)?;
        affected.extend(index::people::affected_by_decisions(
            &self.store,
            decisions,
        )?);
        self.phase(&format!(
            "writing {} records to the store and indexing {} documents",
            changes.len(),
            affected.len()
        ));
        let index_failed = |e: Error| match e {
            e @ (Error::WriteFailed { .. } | Error::IndexFailed { .. }) => e,
            other => Error::IndexFailed {
                label: label.to_string(),
                source: Box::new(other),
            },
        };
        let (store, home) = (&self.store, &self.home);
        let write_store = || -> Result<u64> {
            let generation = store
                .apply_all(changes, decisions, label, seeding)
                .map_err(|e| Error::WriteFailed {
                    label: label.to_string(),
                    source: Box::new(e),
                })?;
            timing("the store is written");
            crate::pause::at("store-flushed");
            home.write_generation(generation).map_err(index_failed)?;
            Ok(generation)
        };
        // The replica copies the records on a thread of its own meanwhile: it needs
        // nothing from the store until the decisions, and commits after the index.
        let (index, replica) = (&self.index, &self.replica);
        let copy = replica.update_writer().map_err(index_failed)?;
        let (generation, copied) = std::thread::scope(|scope| {
            let copying = scope.spawn(|| replica.add_records(&copy, changes));
            let generation = index.update_while(store, &affected, changes, decisions, write_store);
            let copied = copying
                .join()
                .expect("copying records never panics: errors are values");
            (generation, copied)
        });
        let generation = generation.map_err(index_failed)?;
        copied.map_err(index_failed)?;
        crate::pause::at("index-committed");
        timing("committing the index's replica of the store");
        replica
            .finish(copy, store, decisions, generation)
            .map_err(index_failed)?;
        crate::pause::at("replica-committed");
        self.home.remove_marker()?;
        timing("done");
        Ok(generation)
    }

    /// Records that two person records are the same person (see
    /// [`crate::identity::decide`]); the records are not touched. Returns the
    /// decisions written: none when a person had already decided so; besides
    /// `same a b`, with `force`, the reversal of each person's `different` that
    /// kept their people apart (without `force` those refuse).
    pub fn same(&mut self, a: &str, b: &str, why: &str, force: bool) -> Result<Vec<Decision>> {
        let ds = crate::identity::same_decisions(&self.store, a, b, why, force)?;
        if !ds.is_empty() {
            self.write(&[], &ds, &format!("same {a} {b}"), false)?;
        }
        Ok(ds)
    }

    /// Records that two person records are not the same person, whether they were
    /// linked directly, through others or not at all. Returns false when a person
    /// had already decided so.
    pub fn different(&mut self, a: &str, b: &str, why: &str) -> Result<bool> {
        let Some(d) = crate::identity::different_decision(&self.store, a, b, why)? else {
            return Ok(false);
        };
        self.write(&[], &[d], &format!("different {a} {b}"), false)?;
        Ok(true)
    }

    /// Takes `a` out of its person (see [`crate::identity::split_decisions`]);
    /// returns the decisions written.
    pub fn split(&mut self, a: &str, why: &str) -> Result<Vec<Decision>> {
        let ds = crate::identity::split_decisions(&self.store, a, why)?;
        self.write(&[], &ds, &format!("split {a}"), false)?;
        Ok(ds)
    }

    /// `merge`: `same --force` by its older name. Returns false when that was
    /// already decided.
    pub fn merge(&mut self, a: &str, b: &str, why: &str) -> Result<bool> {
        let ds = crate::identity::merge_decision(&self.store, a, b, why)?;
        if ds.is_empty() {
            return Ok(false);
        }
        self.write(&[], &ds, &format!("merge {a} {b}"), false)?;
        Ok(true)
    }

    /// Records that two merged person records are not the same person.
    pub fn unmerge(&mut self, a: &str, b: &str, why: &str) -> Result<()> {
        let d = crate::identity::unmerge_decision(&self.store, a, b, why)?;
        self.write(&[], &[d], &format!("unmerge {a} {b}"), false)?;
        Ok(())
    }

    /// Links person records that share an identifier (see [`crate::resolve::exact`]),
    /// then the rest by the probabilistic linker (see [`crate::resolve::Resolver`]),
    /// and unless `dry_run` writes both's new decisions in one write labelled `resolve`.
    pub fn resolve(&mut self, dry_run: bool) -> Result<crate::resolve::Both> {
        self.phase("linking person records that share an identifier");
        let at = crate::time::now();
        let exact = crate::resolve::exact(&self.store, at)?;
        self.phase("linking person records by their names and facts");
        let probabilistic = crate::resolve::probabilistic(&self.store, &exact.decisions, at)?;
        let nothing = exact.decisions.is_empty() && probabilistic.decisions.is_empty();
        if !dry_run && !nothing {
            let mut all = exact.decisions.clone();
            all.extend(probabilistic.decisions.iter().cloned());
            self.write(&[], &all, "resolve", false)?;
        }
        Ok(crate::resolve::Both {
            exact,
            probabilistic,
        })
    }

    /// Restores an earlier version of a record as its newest version (validated
    /// like an import, and itself kept in the history). `to` defaults to the
    /// version before the current one. Returns the restored and the new version.
    pub fn revert(&mut self, id: &str, to: Option<u32>) -> Result<(u32, u32)> {
        let versions = self.history(id)?;
        let current = versions.len() as u32;
        if current == 1 {
            return Err(Error::Usage(format!(
                "`{id}` has only one version: there is nothing to revert to"
            )));
        }
        let to = to.unwrap_or(current - 1);
        if to == 0 || to >= current {
            return Err(Error::Usage(format!(
                "`{id}` has no version {to} to revert to: choose one from 1 to {} (version {current} is the current one)",
                current - 1
            )));
        }
        let record = versions[to as usize - 1].record.clone();
        if record == versions[current as usize - 1].record {
            return Err(Error::Usage(format!(
                "version {to} of `{id}` is the same as the current version: nothing to revert"
            )));
        }
        let label = format!("revert {id} to version {to}");
        let batch = Batch {
            records: vec![import::Parsed {
                file: format!("version {to} of {id}"),
                line: 0,
                record,
            }],
            ..Batch::default()
        };
        self.apply(batch, &label, false)?;
        Ok((to, current + 1))
    }
}
