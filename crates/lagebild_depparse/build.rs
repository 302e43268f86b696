//! Tells the library which embedded models exist, so that the crate still builds (without
//! that language's model) before `examples/train_depparse.rs` has written them.

fn main() {
    for lang in ["de", "en"] {
        let path = format!("models/{lang}.lbdp.gz");
        println!("cargo::rerun-if-changed={path}");
        println!("cargo::rerun-if-changed=models");
        println!("cargo::rustc-check-cfg=cfg(model_{lang})");
        if std::path::Path::new(&path).exists() {
            println!("cargo::rustc-cfg=model_{lang}");
        }
    }
}
