//! A progress bar for long batches.

/// A progress bar on standard error for batches that take more than a second; hidden when
/// standard error is not a terminal or the output is machine-readable.
pub(super) struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    wanted: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    pub(super) fn new(total: usize, machine_readable: bool) -> Progress {
        use std::io::IsTerminal;
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(u64::try_from(total).unwrap_or(u64::MAX)),
            indicatif::ProgressDrawTarget::hidden(),
        );
        Progress {
            bar,
            started: std::time::Instant::now(),
            wanted: !machine_readable && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub(super) fn tick(&self) {
        use std::sync::atomic::Ordering;
        if self.wanted
            && self.started.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
