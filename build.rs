//! Rebuild when a migration or a message catalogue is added or changed:
//! they are embedded in the binary by `diesel_migrations::embed_migrations!`
//! and `fluent_templates::static_loader!`, which cargo cannot see.
//!
//! On Linux with glibc, the executable's relocations are packed (RELR,
//! glibc 2.36 and binutils 2.38 or later; an older linker warns and ignores
//! it): the table of relative relocations was 4.7 MB read into memory at
//! every start, and is now a few kilobytes (docs/performance.md).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
