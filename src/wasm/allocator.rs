//! The .wasm's memory allocator: power-of-two size classes, each with a free list.
//!
//! Rust's default allocator on wasm32 is dlmalloc: 7 KB of the .wasm, 2.7 KB brotli. The
//! engine's allocations are short-lived vectors and strings (the index is static data), which a
//! segregated free list serves in O(1) with a fraction of the code: a block holds 2^k bytes, is
//! aligned to its size (so every alignment up to the size holds), and goes back on the list of
//! its size when freed. The price: rounding up wastes less than half a block, and memory freed
//! in one size is reused only for that size, so the memory a page keeps is the sum of each
//! size's peak (each search allocates much like the last, so it stays flat). Nothing is
//! returned to the system, as with dlmalloc, since a wasm memory cannot shrink.
//!
//! The module runs on one thread (the build has no `atomics`), so the state needs no lock.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

const PAGE: usize = 64 * 1024;
/// The smallest block: room for the free list's link.
const MIN_CLASS: u32 = 3;
/// Blocks of 2^3 to 2^30 bytes.
const CLASSES: usize = 31;

#[global_allocator]
static ALLOCATOR: Allocator = Allocator(UnsafeCell::new(State {
    free: [null_mut(); CLASSES],
    next: 0,
    end: 0,
}));

struct Allocator(UnsafeCell<State>);

struct State {
    /// Per class, the first free block; each free block starts with a pointer to the next one.
    free: [*mut u8; CLASSES],
    /// Where fresh blocks are cut from, up to `end`, the end of the memory grown for them.
    next: usize,
    end: usize,
}

// SAFETY: wasm32 without the `atomics` feature has a single thread (checked where this module
// is declared).
unsafe impl Sync for Allocator {}

/// The class of the smallest block that holds `layout` at its alignment.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    size.next_power_of_two().trailing_zeros() as usize
}

impl State {
    /// Pushes the block at `block` onto the free list of `class`.
    unsafe fn push(&mut self, block: *mut u8, class: usize) {
        unsafe { block.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = block;
    }

    /// A fresh block of `class`, cut from the end of memory, growing it when needed.
    unsafe fn cut(&mut self, class: usize) -> *mut u8 {
        let size = 1usize << class;
        let start = self.next.next_multiple_of(size);
        if start.checked_add(size).is_none_or(|end| end > self.end) {
            // Room for the block after an alignment gap, wherever the new memory starts.
            let pages = (2 * size).div_ceil(PAGE);
            let grown = core::arch::wasm32::memory_grow(0, pages);
            if grown == usize::MAX {
                return null_mut();
            }
            let base = grown * PAGE;
            // Memory grown by anyone else lies in between: start after it.
            if base != self.end {
                self.next = base;
            }
            self.end = base + pages * PAGE;
            return unsafe { self.cut(class) };
        }
        // The gap before an aligned block is a run of smaller aligned blocks (each as large as
        // the alignment of where it starts): keep them.
        while self.next < start {
            let gap = self.next.trailing_zeros() as usize;
            unsafe { self.push(self.next as *mut u8, gap) };
            self.next += 1 << gap;
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let class = class(layout);
        if class >= CLASSES {
            return null_mut();
        }
        // SAFETY: one thread, and no allocator call re-enters another.
        let state = unsafe { &mut *self.0.get() };
        let block = state.free[class];
        if block.is_null() {
            return unsafe { state.cut(class) };
        }
        state.free[class] = unsafe { block.cast::<*mut u8>().read() };
        block
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let state = unsafe { &mut *self.0.get() };
        unsafe { state.push(ptr, class(layout)) };
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Growing or shrinking within the block's size needs no move.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }
}
