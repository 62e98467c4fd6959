//! The `tenderscore` binary: a thin shell over the library's [`tenderscore::cli`].

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use tenderscore::cli::{Cli, Command, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, run, to_stderr};

/// A tender of many bids is tens of thousands of small allocations made on two threads and
/// freed together: mimalloc does that faster than the system allocator and returns the
/// memory of the parallel stages instead of keeping it in per-thread arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its place (15) in `mi_option_e` of mimalloc.h, the
/// same in mimalloc 2 and 3 (retired options keep their places); libmimalloc-sys names
/// no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How a command uses memory, which decides how the allocator asks the system for it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MemoryUse {
    /// Loads one tender, makes one report and ends: nearly all its memory is new to it.
    Once,
    /// Frees and allocates the same amounts over and over: a batch tender after tender
    /// (`rescore`), a search that scores a few bids at a time millions of times (`whatif`).
    Repeated,
}

fn memory_use(command: &Command) -> MemoryUse {
    match command {
        Command::Rescore { .. } | Command::Whatif { .. } => MemoryUse::Repeated,
        _ => MemoryUse::Once,
    }
}

/// How long memory let go waits before it is given back to the system, in milliseconds.
///
/// One large tender is loaded, scored and written once: loading frees the files' texts and
/// parsed forms while the scores grow, and memory given back at once (0) keeps those freed
/// pages out of the peak. Measured: 100 000 bids 365 → 277 MB for 1.6 → 1.9 s; with a delay
/// the peak depends on when the purge happens to run (284–351 MB at 1–10 ms).
///
/// A batch (`rescore`) holds one tender at a time, at most two of its evaluations, and
/// frees and allocates the same amounts tender after tender: memory that waits 10 ms is
/// reused instead of being given back and asked for again. Measured (1 000 tenders × 20
/// bids × 3 rettelsesblade): 0.80 → 0.65 s, 61 → 70 MB. `whatif` likewise scores a few
/// bids at a time millions of times: given back at once, that memory cost 0.5–0.8 s of
/// system time in 3 000 bids (0.1–0.2 s waiting), for 5 MB more.
fn purge_delay_ms(memory: MemoryUse) -> std::ffi::c_long {
    match memory {
        MemoryUse::Once => 0,
        MemoryUse::Repeated => 10,
    }
}

/// Whether the process may be given memory in huge pages (2 MB) where it asks for them.
///
/// mimalloc asks for huge pages for its regions, and a system set to make them on request
/// (`defrag` = `madvise`, the common default) first clears, and when memory is fragmented
/// compacts, 2 MB for each: a command that takes hundreds of megabytes of new memory
/// once waits for that. Measured, `score` of 100 000 bids as JSON, 7 runs each,
/// interleaved: with huge pages 2.15–2.73 s and one run of 4.4 s (others of 6.6 and 8.0 s
/// earlier), 280 MB; without 2.06–2.49 s, none slower, 271 MB (as in the README). A command that reuses the same
/// memory keeps them, since fewer, larger pages make its many passes over it cheaper:
/// the batch above 0.55–0.61 s with them against 0.53–0.70 s without, `whatif` of
/// 10 000 bids 1.19–1.35 s against 1.22–1.38 s.
fn huge_pages(memory: MemoryUse) -> bool {
    memory == MemoryUse::Repeated
}

/// Sets the allocator for how the command uses memory (see [`MemoryUse`]).
fn set_allocator(memory: MemoryUse) {
    // SAFETY: sets one integer option of the allocator, which any thread may do at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, purge_delay_ms(memory)) };
    #[cfg(target_os = "linux")]
    if !huge_pages(memory) {
        // SAFETY: PR_SET_THP_DISABLE takes no pointer and changes only how this process's
        // later page faults are served. A kernel without it answers -1, and the process runs
        // as before, so the answer is not needed.
        unsafe {
            libc::prctl(
                libc::PR_SET_THP_DISABLE,
                1 as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
            )
        };
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // --help and --version are not errors.
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    set_allocator(memory_use(&cli.command));
    match run(cli) {
        Ok(bytes) => match write_stdout(&bytes) {
            Ok(()) => ExitCode::from(EXIT_OK),
            // A closed standard output too: the report did not reach its reader.
            Err(error) => {
                to_stderr(&format!(
                    "error: cannot write to standard output: {error}\n"
                ));
                ExitCode::from(EXIT_OUTPUT)
            }
        },
        Err(error) => {
            // A batch with some broken tenders still reports the others.
            if let tenderscore::cli::Error::Partial { stdout, .. } = &error
                && let Err(write) = write_stdout(stdout)
            {
                to_stderr(&format!(
                    "error: cannot write to standard output: {write}\n"
                ));
                return ExitCode::from(EXIT_OUTPUT);
            }
            to_stderr(&format!("{error}\n"));
            ExitCode::from(error.exit_code())
        }
    }
}

/// Writes the report to standard output and flushes it, so a write error is seen here.
fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
