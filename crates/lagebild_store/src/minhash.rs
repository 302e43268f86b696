//! MinHash signatures over word 5-shingles, with LSH banding, for story clustering.
//!
//! The hashes are our own (FNV-1a over lowercased words, SplitMix64 per permutation), so
//! a signature stored today compares equal to one computed by a later build: the
//! standard library's hasher makes no such promise.

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Permutations (values) per signature.
pub const PERMUTATIONS: usize = 60;
/// LSH bands; each band hashes `PERMUTATIONS / BANDS` values.
pub const BANDS: usize = 20;
const ROWS: usize = PERMUTATIONS / BANDS;

/// Below this many shingles a text is short: boilerplate (an agency notice, a teaser)
/// dominates it, so joining a story needs [`SHORT_TEXT_THRESHOLD`].
pub const SHORT_TEXT_SHINGLES: u32 = 40;
/// The similarity a short text needs to join a story.
pub const SHORT_TEXT_THRESHOLD: f64 = 0.9;

/// A MinHash signature: the minimum of each permuted shingle hash, and how many shingles
/// the text had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub values: Vec<u32>,
    pub shingles: u32,
}

fn fnv1a(bytes: impl IntoIterator<Item = u8>, mut hash: u64) -> u64 {
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn word_hashes(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            if word.is_ascii() {
                // The common case, without decoding characters.
                fnv1a(
                    word.bytes().map(|byte| byte.to_ascii_lowercase()),
                    FNV_OFFSET,
                )
            } else {
                fnv1a(
                    word.chars()
                        .flat_map(char::to_lowercase)
                        .flat_map(utf8_bytes),
                    FNV_OFFSET,
                )
            }
        })
        .collect()
}

fn utf8_bytes(c: char) -> impl Iterator<Item = u8> {
    let mut buffer = [0u8; 4];
    let len = c.encode_utf8(&mut buffer).len();
    buffer.into_iter().take(len)
}

impl Signature {
    /// The signature of a text, or `None` when it has no words. Texts shorter than one
    /// shingle get a single shingle of all their words.
    pub fn of(text: &str) -> Option<Signature> {
        let words = word_hashes(text);
        if words.is_empty() {
            return None;
        }
        let mut minima = [u32::MAX; PERMUTATIONS];
        let width = SHINGLE_WORDS.min(words.len());
        let mut shingles = 0u32;
        for window in words.windows(width) {
            shingles = shingles.saturating_add(1);
            let shingle = window
                .iter()
                .fold(FNV_OFFSET, |hash, word| splitmix(hash ^ word));
            // One well-mixed hash per shingle, then one multiply-add per permutation
            // (odd multipliers, the high half kept).
            let mixed = splitmix(shingle);
            for (index, minimum) in minima.iter_mut().enumerate() {
                let value = (mixed
                    .wrapping_mul(SEEDS[index] | 1)
                    .wrapping_add(SEEDS[(index + 1) % PERMUTATIONS])
                    >> 32) as u32;
                if value < *minimum {
                    *minimum = value;
                }
            }
        }
        Some(Signature {
            values: minima.to_vec(),
            shingles,
        })
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.values.len() != other.values.len() || self.values.is_empty() {
            return 0.0;
        }
        let equal = self
            .values
            .iter()
            .zip(&other.values)
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / self.values.len() as f64
    }

    /// The similarity at which `other` and `self` are one story, given the configured
    /// threshold: stricter when either text is short.
    pub fn join_threshold(&self, other: &Signature, threshold: f64) -> f64 {
        if self.shingles.min(other.shingles) < SHORT_TEXT_SHINGLES {
            threshold.max(SHORT_TEXT_THRESHOLD)
        } else {
            threshold
        }
    }

    /// One bucket hash per band.
    pub fn bands(&self) -> Vec<i64> {
        self.values
            .chunks(ROWS)
            .take(BANDS)
            .map(|rows| {
                fnv1a(
                    rows.iter().flat_map(|value| value.to_le_bytes()),
                    FNV_OFFSET,
                ) as i64
            })
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.values
            .iter()
            .flat_map(|value| value.to_le_bytes())
            .collect()
    }

    pub fn from_bytes(bytes: &[u8], shingles: u32) -> Signature {
        Signature {
            values: bytes
                .chunks_exact(4)
                .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
                .collect(),
            shingles,
        }
    }
}

/// Fixed seeds, one per permutation (SplitMix64 of the index, written out so they can
/// never change by accident).
const SEEDS: [u64; PERMUTATIONS] = {
    let mut seeds = [0u64; PERMUTATIONS];
    let mut index = 0;
    while index < PERMUTATIONS {
        let mut x = (index as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        seeds[index] = x ^ (x >> 31);
        index += 1;
    }
    seeds
};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_have_similarity_one_and_disjoint_texts_near_zero() {
        let a =
            Signature::of("Der Ausschuss vertagte die Abstimmung über den Haushalt auf Donnerstag")
                .unwrap();
        let b = Signature::of(
            "der ausschuss VERTAGTE die Abstimmung, über den Haushalt auf Donnerstag!",
        )
        .unwrap();
        assert_eq!(a.similarity(&b), 1.0);
        let c = Signature::of(
            "Heavy rain flooded three villages in the valley overnight, officials said",
        )
        .unwrap();
        assert!(a.similarity(&c) < 0.1);
        assert_eq!(a.bands().len(), BANDS);
        assert_eq!(Signature::from_bytes(&a.to_bytes(), a.shingles), a);
        assert_eq!(a.shingles, 6);
    }

    #[test]
    fn estimates_follow_the_true_shingle_jaccard() {
        let words = |range: std::ops::Range<usize>| {
            range
                .map(|index| format!("wort{index}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // 96 shingles each; the shared words 50..100 give 46 shared shingles.
        let (a, b) = (words(0..100), words(50..150));
        let truth = 46.0 / (96.0 + 96.0 - 46.0);
        let estimate = Signature::of(&a)
            .unwrap()
            .similarity(&Signature::of(&b).unwrap());
        assert!(
            (estimate - truth).abs() < 0.2,
            "estimate {estimate}, truth {truth}"
        );
        let (c, d) = (words(0..100), words(10..110));
        let truth = 86.0 / (96.0 + 96.0 - 86.0);
        let estimate = Signature::of(&c)
            .unwrap()
            .similarity(&Signature::of(&d).unwrap());
        assert!(
            (estimate - truth).abs() < 0.2,
            "estimate {estimate}, truth {truth}"
        );
    }

    #[test]
    fn empty_text_has_no_signature() {
        assert!(Signature::of(" ,.; ").is_none());
        assert!(Signature::of("Hallo").is_some());
    }

    #[test]
    fn signatures_are_stable_across_builds() {
        // A stored signature must compare equal to one computed by a later build.
        let signature = Signature::of("one two three four five six").unwrap();
        let again = Signature::of("one two three four five six").unwrap();
        assert_eq!(signature, again);
        // Values written down when the format was fixed: if this fails, stored
        // signatures no longer match new ones and the schema needs a migration.
        assert_eq!(&signature.values[..3], [1554971603, 1770791591, 1453672843]);
        assert_eq!(signature.bands()[0], -8335586747484737912);
        assert_eq!(signature.values.len(), PERMUTATIONS);
        assert_ne!(SEEDS[0], SEEDS[1]);
    }
}
