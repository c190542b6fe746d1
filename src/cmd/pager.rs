//! The pager: the output of the commands that can print a lot goes through `$PAGER`
//! (`less -FRX` when unset) while standard output is a terminal, as git does.

use crate::cli::Command;
use std::io::{IsTerminal, Write};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicI32, Ordering};

/// The running pager's process id, for the signal handler; 0 when there is none.
static PAGER_PID: AtomicI32 = AtomicI32::new(0);

/// A pager standard output is writing into; dropping it ends the pager's input and
/// waits for the user to leave it, so the shell's prompt does not come back under it.
pub struct Pager {
    child: std::process::Child,
}

/// Starts the pager for `command` unless `--no-pager` was given, the command's output
/// is short, standard output is not a terminal or `$PAGER` is empty or `cat`. A pager
/// that cannot be started is no pager: the output goes to the terminal.
pub fn start(command: &Command, no_pager: bool) -> Option<Pager> {
    let long = matches!(
        command,
        Command::Search(_)
            | Command::Show(_)
            | Command::Election(_)
            | Command::Seat(_)
            | Command::Candidates(_)
            | Command::Office(_)
            | Command::History(_)
            | Command::Duplicates(_)
    );
    if !long || no_pager || !std::io::stdout().is_terminal() {
        return None;
    }
    let pager = std::env::var_os("PAGER").unwrap_or_else(|| "less -FRX".into());
    if pager.is_empty() || pager == "cat" {
        return None;
    }
    // A pager that is not installed would swallow the output: say so and print
    // to the terminal instead.
    if let Some(program) = missing(&pager) {
        eprintln!("netakosh: the pager `{program}` ($PAGER) is not installed; printing without it");
        return None;
    }
    // Through the shell, so a `$PAGER` with arguments works.
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c").arg(&pager).stdin(std::process::Stdio::piped());
    for (var, value) in [("LESS", "FRX"), ("LV", "-c")] {
        if std::env::var_os(var).is_none() {
            sh.env(var, value);
        }
    }
    let mut child = sh.spawn().ok()?;
    let pipe = child.stdin.take()?;
    let _ = std::io::stdout().flush();
    // SAFETY: dup2 on two descriptors this process owns; fd 1 then holds the pipe's
    // write end, and `pipe` can be closed.
    if unsafe { libc::dup2(pipe.as_raw_fd(), libc::STDOUT_FILENO) } < 0 {
        drop(pipe);
        let _ = child.wait();
        return None;
    }
    drop(pipe);
    PAGER_PID.store(child.id() as i32, Ordering::SeqCst);
    // Ctrl-C (or a kill) while the pager runs: end its input and wait for it before
    // dying, or the prompt would come back while the pager still owns the terminal.
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler calls only async-signal-safe functions.
        unsafe { libc::signal(signal, on_signal as *const () as libc::sighandler_t) };
    }
    Some(Pager { child })
}

/// The pager's program (its first word) when it is neither a file nor on `PATH`;
/// `None` when it is found, or when the command is more than a program and its
/// arguments (a pipeline, a variable) and only the shell can tell.
fn missing(pager: &std::ffi::OsStr) -> Option<String> {
    let text = pager.to_str()?;
    if text.contains(['|', ';', '&', '$', '`', '(', '<', '>', '\'', '"']) {
        return None;
    }
    let program = text.split_whitespace().next()?;
    let found = if program.contains('/') {
        std::path::Path::new(program).is_file()
    } else {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
    };
    (!found).then(|| program.to_string())
}

extern "C" fn on_signal(signal: libc::c_int) {
    let pid = PAGER_PID.swap(0, Ordering::SeqCst);
    // SAFETY: close, waitpid, signal and raise are async-signal-safe.
    unsafe {
        if pid > 0 {
            libc::close(libc::STDOUT_FILENO);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

impl Drop for Pager {
    fn drop(&mut self) {
        let _ = std::io::stdout().flush();
        // The pager reads to the end only once no descriptor holds the pipe's write end;
        // /dev/null on fd 1 keeps any later write from landing on a reused descriptor.
        match std::fs::OpenOptions::new().write(true).open("/dev/null") {
            // SAFETY: dup2 and close on descriptors this process owns.
            Ok(null) => unsafe {
                libc::dup2(null.as_raw_fd(), libc::STDOUT_FILENO);
            },
            Err(_) => unsafe {
                libc::close(libc::STDOUT_FILENO);
            },
        }
        let _ = self.child.wait();
        PAGER_PID.store(0, Ordering::SeqCst);
    }
}
