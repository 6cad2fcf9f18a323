//! Entry point: installs the panic hook and mounts the app on its host element.

fn main() {
    overlap::start();
}

// Talc instead of the standard dlmalloc: smaller and faster in WebAssembly (see Cargo.toml).
// Growing in place is switched off, which costs a copy on some reallocations and saves code.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
