//! Loads the full Phoenix dictionaries and reports load time and sizes.
//!
//! cargo run --release -p lagebild_actors --example load_petrarch [-- DICTIONARY_DIR]

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = std::env::var("LAGEBILD_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").to_string());
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(shared).join("data/petrarch/petrarch2/dictionaries"));
    let started = Instant::now();
    let embedded = lagebild_actors::ActorKb::builder().build()?;
    let embedded_time = started.elapsed();
    let started = Instant::now();
    let kb = lagebild_actors::ActorKb::builder()
        .petrarch_actors(
            [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
            ]
            .map(|name| dir.join(name)),
        )
        .petrarch_agents(dir.join("Phoenix.agents.txt"))
        .build()?;
    let phoenix_time = started.elapsed();
    println!(
        "embedded KB {}: {:.3} s, {:?}",
        embedded.version(),
        embedded_time.as_secs_f64(),
        embedded.counts()
    );
    println!(
        "embedded + Phoenix {}: {:.3} s, {:?}",
        kb.version(),
        phoenix_time.as_secs_f64(),
        kb.counts()
    );
    println!("warnings: {}", kb.warnings().len());
    for warning in kb.warnings().iter().take(5) {
        println!("  {warning}");
    }
    Ok(())
}
