//! Entry point: installs the panic hook and mounts the app on its host element.

fn main() {
    overlap::start();
}
