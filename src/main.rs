//! The `newsmine` command: parses arguments and maps the outcome to an exit
//! status (0 all records processed, 1 some records failed, 2 usage or I/O
//! error, 130 interrupted by SIGINT).

mod cli;

use clap::Parser;

// The stages allocate many small, short-lived strings and vectors per article on
// every worker thread; mimalloc serves them in fewer instructions than glibc
// malloc and keeps large buffers mapped instead of faulting them in again.
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

/// mimalloc through its plain entry points: the `mimalloc` crate asks for
/// every block with `mi_malloc_aligned`, which checks the alignment of the
/// block it finds and takes a slower, general path for blocks over 1 KiB,
/// although the plain calls already give the alignment most types need.
mod allocator {
    use std::alloc::{GlobalAlloc, Layout};
    use std::ffi::c_void;

    extern "C" {
        fn mi_malloc(size: usize) -> *mut c_void;
        fn mi_zalloc(size: usize) -> *mut c_void;
        fn mi_realloc(p: *mut c_void, size: usize) -> *mut c_void;
    }

    /// The alignment every mimalloc block of at least this size has
    /// (`MI_MAX_ALIGN_SIZE`); a smaller block is aligned to its size's
    /// power of two, as with the system allocator.
    const PLAIN_ALIGN: usize = 16;

    /// The plain calls serve `layout`.
    fn plain(align: usize, size: usize) -> bool {
        align <= PLAIN_ALIGN && align <= size
    }

    pub struct Mimalloc;

    // SAFETY: every call goes to mimalloc, with the alignment it guarantees
    // for the plain calls or through the `mimalloc` crate's aligned ones;
    // mimalloc frees blocks of either kind with `mi_free`.
    unsafe impl GlobalAlloc for Mimalloc {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if plain(layout.align(), layout.size()) {
                mi_malloc(layout.size()).cast()
            } else {
                mimalloc::MiMalloc.alloc(layout)
            }
        }

        #[inline]
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if plain(layout.align(), layout.size()) {
                mi_zalloc(layout.size()).cast()
            } else {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            }
        }

        #[inline]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        }

        #[inline]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if plain(layout.align(), new_size) {
                mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            }
        }
    }
}

/// mimalloc's defaults commit its arenas eagerly on Linux, and freed memory
/// then stays resident: on web pages, whose bodies run to megabytes and vary
/// in size, the peak grew with the input (211 MB on 140 MB of pages, 284 MB on
/// four times that). Committing on demand keeps it near half and flat.
#[cfg(target_os = "linux")]
mod allocator_options {
    extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_arena_eager_commit` in mimalloc.h's `mi_option_e` (v2 and v3).
    const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;

    /// Runs before the Rust runtime's first allocation, which creates the
    /// first arena: set in `main`, the option would come too late.
    #[used]
    #[link_section = ".init_array"]
    static SET: extern "C" fn() = {
        extern "C" fn set() {
            // SAFETY: sets an allocator option; nothing has been allocated yet.
            unsafe { mi_option_set(ARENA_EAGER_COMMIT, 0) };
        }
        set
    };
}

fn main() {
    let cli = cli::Cli::parse();
    let code = match cli::run(cli) {
        Ok(cli::Ending::Done { some_failed: false }) => 0,
        Ok(cli::Ending::Done { some_failed: true }) => 1,
        Ok(cli::Ending::Interrupted) => cli::EXIT_INTERRUPTED,
        Err(cli::Fatal(msg)) => {
            eprintln!("newsmine: error: {msg}");
            2
        }
    };
    std::process::exit(code);
}
