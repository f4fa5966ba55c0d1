//! The entity tagger: an averaged perceptron over hashed features, decoded
//! greedily left to right over BIO tags, in two passes: the second pass sees
//! how the first tagged the word's other occurrences in the document
//! ([`votes`](super::votes)). Its weights (`data/orgs/tagger.bin`, made by
//! `src/bin/train-orgs.rs`) are one table of i16 rows, one row per hashed
//! feature holding both passes' weights side by side: the second pass
//! reuses the first pass's sums over the features that do not change
//! between passes, and only looks up the few that do.

use super::features::{
    after1_rows, after2_rows, allowed, before1_rows, before2_rows, context_rows, features,
    features_pass_last, flag_context, gaz_prev, near_vote, near_vote_rows, own_rows, own_vote,
    prev_rows, prev_word_rows, sentence_hash, tag_rows, vote_tops, voter, voter_index, voter_rows,
    voters, window, Prepared, SmallPair, TokenInfo, CONTEXT, CUE_VOTE, GAZ_AROUND, GAZ_PREV,
    LEGAL_AHEAD, N_FEATURES, N_TAGS, O, OUTSIDE_VOTE, PASS_FEATURES, TABLE_BITS, TABLE_ROWS,
    VOTERS, VOTE_AFTER, VOTE_BEFORE, VOTE_POSITION, VOTE_TYPES,
};
use super::votes::{self, Vote};
use std::cell::RefCell;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"NMORGv4\0";
const HEADER: usize = 16;
/// Bytes per row: one little-endian i16 per tag and pass.
const ROW: usize = 2 * 2 * N_TAGS;
/// Bytes of the weight table.
const TABLE: usize = TABLE_ROWS * ROW;

/// The shipped weights file.
pub static SHIPPED: &[u8] = include_bytes!("../../../data/orgs/tagger.bin");

/// The shipped model, read in place from the binary (no decoding at start-up).
pub static MODEL: LazyLock<Model> =
    LazyLock::new(|| Model::from_bytes(SHIPPED).expect("data/orgs/tagger.bin is a tagger model"));

/// Quantized weights of both passes: `TABLE_ROWS` rows of `2 * N_TAGS`
/// little-endian i16 (first pass's tags, then second pass's).
pub struct Model {
    rows: &'static [[u8; ROW]; TABLE_ROWS],
    /// The CPU has AVX2: rows are summed 16 lanes at a time.
    avx2: bool,
}

/// Tag scores as integer sums of quantized weights.
type Sums = [i32; N_TAGS];

/// Both passes' sums of some rows, lane by lane as in a row.
type Lanes = [i32; 2 * N_TAGS];

/// One pass's weights in a row: `N_TAGS` little-endian i16.
type Weights = [u8; 2 * N_TAGS];

impl Model {
    /// Checks a model file's header and size.
    pub fn from_bytes(raw: &'static [u8]) -> Result<Model, String> {
        if raw.len() < HEADER || &raw[..8] != MAGIC {
            return Err("not a tagger model".into());
        }
        let bits = u32::from_le_bytes([raw[8], raw[9], raw[10], raw[11]]);
        let tags = u32::from_le_bytes([raw[12], raw[13], raw[14], raw[15]]);
        if bits != TABLE_BITS || tags as usize != N_TAGS {
            return Err("model built for another feature table".into());
        }
        if raw.len() != HEADER + TABLE {
            return Err("truncated model".into());
        }
        let rows = raw[HEADER..].as_chunks::<ROW>().0;
        Ok(Model {
            rows: rows.try_into().map_err(|_| "truncated model")?,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
            #[cfg(not(target_arch = "x86_64"))]
            avx2: false,
        })
    }

    /// Quantizes the float weights of both passes to little-endian i16, each
    /// pass on one scale (the error must be small in absolute terms: scores
    /// add rows of very different sizes), and interleaves them row by row.
    pub fn encode(first: &[f32], second: &[f32]) -> Vec<u8> {
        let mut raw = Vec::with_capacity(HEADER + TABLE);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&TABLE_BITS.to_le_bytes());
        raw.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        let scale = |weights: &[f32]| {
            f32::from(i16::MAX) / weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9)
        };
        let (s1, s2) = (scale(first), scale(second));
        for (a, b) in first.chunks_exact(N_TAGS).zip(second.chunks_exact(N_TAGS)) {
            for (w, scale) in a.iter().map(|w| (w, s1)).chain(b.iter().map(|w| (w, s2))) {
                raw.extend_from_slice(&((w * scale).round() as i16).to_le_bytes());
            }
        }
        raw
    }

    /// The weight row of feature row `f` (a table row: below `TABLE_ROWS`).
    #[inline(always)]
    fn row(&self, f: u32) -> &[u8; ROW] {
        &self.rows[f as usize & (TABLE_ROWS - 1)]
    }

    /// The weights of pass `pass` (0 or 1) of feature row `f`.
    #[inline(always)]
    fn weights(&self, pass: usize, f: u32) -> &Weights {
        let row = self.row(f);
        if pass == 0 {
            row.first_chunk().expect("a row holds two passes")
        } else {
            row.last_chunk().expect("a row holds two passes")
        }
    }

    /// Scores of every tag for one token's features in pass `pass` (0 or 1).
    pub fn score(&self, pass: usize, feats: &[u32; N_FEATURES]) -> [f32; N_TAGS] {
        let mut sum = [0i32; N_TAGS];
        for &f in feats {
            add(&mut sum, self.weights(pass, f));
        }
        sum.map(|s| s as f32)
    }

    /// Tags a whole document in two passes: the same tags as [`tag_document`]
    /// with [`Model::score`], with fewer look-ups. While the first pass
    /// scores a token it also sums the second pass's weights of the features
    /// that are the same in both passes; the second pass adds the rest.
    pub fn tag(&self, p: &Prepared) -> Vec<u8> {
        // The thread's sums are taken here, outside the AVX2 code: a
        // closure there would not be compiled for AVX2, nor the sums it inlines.
        WORD_SUMS.with_borrow_mut(|words| {
            words.use_model(self);
            #[cfg(target_arch = "x86_64")]
            if self.avx2 {
                // SAFETY: the CPU has AVX2.
                return unsafe { self.tag_avx2(p, words) };
            }
            self.tag_with::<false>(p, words)
        })
    }

    /// [`Model::tag`] compiled for AVX2, with its row sums inlined.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn tag_avx2(&self, p: &Prepared, words: &mut WordSums) -> Vec<u8> {
        self.tag_with::<true>(p, words)
    }

    /// [`Model::tag`] with the thread's sums `words` (of this model);
    /// `AVX2`: the CPU has AVX2 (and the caller enables it).
    #[inline(always)]
    fn tag_with<const AVX2: bool>(&self, p: &Prepared, words: &mut WordSums) -> Vec<u8> {
        let n = p.tokens.len();
        // Tokens skipped after an O tag stay O.
        let mut first = vec![O; n];
        // What the second pass needs of the tokens the first pass scored, in
        // order: the capitalized ones and the words of names after them.
        let mut fixed: Vec<(usize, Fixed)> = Vec::with_capacity((2 * p.upper.len()).min(n));
        let mut upper = Capitals::new(&p.upper);
        for r in &p.sentences {
            if upper.next_from(r.start) >= r.end {
                // No capital: all O.
                continue;
            }
            let sent = &p.infos[r.clone()];
            // The first pass reads nothing but the sentence's infos: a
            // sentence seen before (boilerplate lines repeat across the
            // pages of a site) is tagged as it was then.
            let key = sentence_hash(sent);
            if let Some(seen) = words.sentences.get(key, sent) {
                first[r.clone()].copy_from_slice(&seen.tags);
                fixed.extend(seen.fixed.iter().map(|&(i, f)| (r.start + i as usize, f)));
                continue;
            }
            let from = fixed.len();
            let (mut p1, mut p2) = (O, O);
            let mut i = 0;
            while i < sent.len() {
                if p1 == O && sent[i].trivially_outside() {
                    // Up to the next token with a capital: O tags all.
                    i = upper.next_from(r.start + i).min(r.end) - r.start;
                    p2 = O;
                    continue;
                }
                let context = context_rows(sent, i);
                for &f in &context {
                    prefetch(self.row(f));
                }
                let at_edges = [i == 0, i + 1 == sent.len()];
                let mut both = self.sums::<AVX2>(&context);
                let [around, ahead] = flag_context(sent, i);
                add_all::<AVX2, _>(&mut both, words.small.gaz_around.get(around));
                add_all::<AVX2, _>(&mut both, words.small.legal_ahead.get(ahead));
                let (one, second) =
                    words.first_pass::<AVX2>(self, &window(sent, i), at_edges, [p1, p2], both);
                fixed.push((r.start + i, second));
                let tag = best_tag(&one, p1);
                first[r.start + i] = tag;
                p2 = p1;
                p1 = tag;
                i += 1;
            }
            words
                .sentences
                .put(key, sent, &first[r.clone()], &fixed[from..], r.start);
        }
        let votes = votes::collect(p, &first);
        let mut out = vec![O; n];
        let mut upper = Capitals::new(&p.upper);
        let mut fixed = fixed.iter().peekable();
        for r in &p.sentences {
            let sent = &p.infos[r.clone()];
            let votes = &votes[r.clone()];
            let (mut p1, mut p2) = (O, O);
            let mut i = 0;
            while i < sent.len() {
                if p1 == O && sent[i].trivially_outside() {
                    i = upper.next_from(r.start + i).min(r.end) - r.start;
                    p2 = O;
                    continue;
                }
                let k = r.start + i;
                // The first pass scored the tokens in order: its record of
                // this one, if any, is the next not before it.
                while fixed.next_if(|&&(j, _)| j < k).is_some() {}
                let sum = match fixed.next_if(|&&(j, _)| j == k) {
                    Some((_, fixed)) => {
                        words.second_pass::<AVX2>(self, fixed, sent, votes, i, [p1, p2])
                    }
                    None => {
                        let mut feats = [0u32; N_FEATURES];
                        features_pass_last(sent, votes, i, p1, p2, &mut feats);
                        let mut sum = [0i32; N_TAGS];
                        for &f in &feats {
                            add(&mut sum, self.weights(1, f));
                        }
                        sum
                    }
                };
                let tag = best_tag(&sum, p1);
                out[k] = tag;
                p2 = p1;
                p1 = tag;
                i += 1;
            }
        }
        out
    }
}

/// A walk through the tokens with a capital ([`Prepared::upper`]), in order.
struct Capitals<'a> {
    upper: &'a [u32],
    at: usize,
}

impl<'a> Capitals<'a> {
    fn new(upper: &'a [u32]) -> Self {
        Capitals { upper, at: 0 }
    }

    /// The first token with a capital from token `k` on (`usize::MAX`: none);
    /// `k` never decreases from one call to the next.
    #[inline(always)]
    fn next_from(&mut self, k: usize) -> usize {
        while self.upper.get(self.at).is_some_and(|&u| (u as usize) < k) {
            self.at += 1;
        }
        self.upper.get(self.at).map_or(usize::MAX, |&u| u as usize)
    }
}

impl Model {
    /// [`Model::sum_rows`], with AVX2 when `AVX2`.
    #[inline(always)]
    fn sums<const AVX2: bool>(&self, feats: &[u32]) -> [i32; 2 * N_TAGS] {
        #[cfg(target_arch = "x86_64")]
        if AVX2 {
            // SAFETY: `AVX2` is set only when the CPU has AVX2.
            return unsafe { self.sum_rows_avx2(feats) };
        }
        self.sum_rows(feats)
    }

    /// The sums, lane by lane, of the rows of the features `feats` (an even
    /// number of them): both passes' sums, as laid out in a row.
    #[inline(always)]
    fn sum_rows(&self, feats: &[u32]) -> [i32; 2 * N_TAGS] {
        let mut sums = [0i32; 2 * N_TAGS];
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{
                __m128i, _mm_add_epi32, _mm_cvtsi32_si128, _mm_loadu_si128, _mm_madd_epi16,
                _mm_set1_epi16, _mm_setzero_si128, _mm_storeu_si128, _mm_unpackhi_epi16,
                _mm_unpacklo_epi16,
            };
            // Rows two at a time: their i16 lanes interleaved a, b, a, b, ...
            // and multiplied-added by pairs give a[t] + b[t] as 32-bit sums,
            // four per instruction, kept in five registers: lanes 0-3, 4-7,
            // 8-11, 12-15 and 16-17.
            // SAFETY: SSE2 is part of x86-64; the loads cover bytes 0-15,
            // 16-31 and 32-35 of a 36-byte row, the stores 16 bytes each of `out`.
            unsafe {
                let ones = _mm_set1_epi16(1);
                let [mut s0, mut s1, mut s2, mut s3, mut s4] = [_mm_setzero_si128(); 5];
                for &[fa, fb] in feats.as_chunks::<2>().0 {
                    let a = self.row(fa).as_ptr();
                    let b = self.row(fb).as_ptr();
                    let load =
                        |r: *const u8, at: usize| _mm_loadu_si128(r.add(at).cast::<__m128i>());
                    let tail =
                        |r: *const u8| _mm_cvtsi32_si128(r.add(32).cast::<i32>().read_unaligned());
                    let (a0, b0) = (load(a, 0), load(b, 0));
                    let (a1, b1) = (load(a, 16), load(b, 16));
                    let (a2, b2) = (tail(a), tail(b));
                    let add = |s, ab| _mm_add_epi32(s, _mm_madd_epi16(ab, ones));
                    s0 = add(s0, _mm_unpacklo_epi16(a0, b0));
                    s1 = add(s1, _mm_unpackhi_epi16(a0, b0));
                    s2 = add(s2, _mm_unpacklo_epi16(a1, b1));
                    s3 = add(s3, _mm_unpackhi_epi16(a1, b1));
                    s4 = add(s4, _mm_unpacklo_epi16(a2, b2));
                }
                let mut out = [0i32; 20];
                for (k, s) in [s0, s1, s2, s3, s4].into_iter().enumerate() {
                    _mm_storeu_si128(out[4 * k..].as_mut_ptr().cast::<__m128i>(), s);
                }
                sums.copy_from_slice(&out[..2 * N_TAGS]);
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        for &f in feats {
            self.add_row(&mut sums, f);
        }
        sums
    }

    /// Adds the row of feature `f` to `sums`, lane by lane.
    fn add_row(&self, sums: &mut Lanes, f: u32) {
        let row = self.row(f);
        for (t, s) in sums.iter_mut().enumerate() {
            *s += i32::from(i16::from_le_bytes([row[2 * t], row[2 * t + 1]]));
        }
    }

    /// The sums, lane by lane, of the rows of the features `feats` (any
    /// number of them), with AVX2 when `AVX2`.
    #[inline(always)]
    fn lanes<const AVX2: bool>(&self, feats: &[u32]) -> Lanes {
        let (pairs, odd) = feats.split_at(feats.len() & !1);
        let mut sums = self.sums::<AVX2>(pairs);
        for &f in odd {
            self.add_row(&mut sums, f);
        }
        sums
    }
}

/// The sums of the rows of a [`SmallPair`] feature, for each of its pairs
/// of numbers: `L` lanes (both passes', or the second pass's).
struct PairSums<const L: usize> {
    feature: SmallPair,
    sums: Vec<[i32; L]>,
}

impl<const L: usize> PairSums<L> {
    const fn new(feature: SmallPair) -> Self {
        PairSums {
            feature,
            sums: Vec::new(),
        }
    }

    /// Fills the table with the sums of `model`'s rows (the last `L` lanes).
    fn fill(&mut self, model: &Model) {
        let f = self.feature;
        self.sums = f
            .keys()
            .map(|key| {
                let lanes = model.lanes::<false>(&[f.row(key)]);
                *lanes.last_chunk().expect("a row holds L lanes or more")
            })
            .collect();
    }

    #[inline(always)]
    fn get(&self, key: (u64, u64)) -> &[i32; L] {
        &self.sums[self.feature.index(key)]
    }
}

/// The sums of the features of small numbers ([`SmallPair`]) the tagger
/// reads by token: a few kilobytes, so their rows, spread over the weight
/// table, are not looked up for every token.
struct SmallSums {
    /// Both passes': the first pass adds them too.
    gaz_around: PairSums<{ 2 * N_TAGS }>,
    legal_ahead: PairSums<{ 2 * N_TAGS }>,
    gaz_prev: PairSums<{ 2 * N_TAGS }>,
    /// The second pass's: the first pass's votes are all empty.
    vote_position: PairSums<N_TAGS>,
    vote_types: PairSums<N_TAGS>,
    cue_vote: PairSums<N_TAGS>,
    vote_before: PairSums<N_TAGS>,
    vote_after: PairSums<N_TAGS>,
    /// Both passes' sums of the features of a token's own vote when it is
    /// empty (as every vote is in the first pass), by [`voter_index`].
    empty_votes: [Lanes; VOTERS],
}

impl SmallSums {
    fn fill(&mut self, model: &Model) {
        self.gaz_around.fill(model);
        self.legal_ahead.fill(model);
        self.gaz_prev.fill(model);
        self.vote_position.fill(model);
        self.vote_types.fill(model);
        self.cue_vote.fill(model);
        self.vote_before.fill(model);
        self.vote_after.fill(model);
        for voter in voters() {
            self.empty_votes[voter_index(voter)] =
                model.lanes::<false>(&voter_rows(voter, Vote::EMPTY));
        }
    }
}

/// log2 of the number of entries of each table of [`WordSums`].
const WORD_SUM_BITS: u32 = 13;

/// Spreads a hash's bits into its top bits, which index a table.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

/// The sums of a word's rows as each of the neighbours a token's features
/// read alone: [`before1_rows`], [`after1_rows`], [`before2_rows`] and
/// [`after2_rows`].
#[derive(Clone, Copy)]
struct NearSums {
    before1: Lanes,
    after1: Lanes,
    before2: Lanes,
    after2: Lanes,
}

/// The sums of the rows of the features that read a token alone.
#[derive(Clone, Copy)]
struct OwnSums {
    /// Both passes' sums of its [`own_rows`].
    both: Lanes,
    /// Both passes' sums of its [`prev_rows`] after an O tag.
    after_o: Lanes,
}

/// log2 of the number of sentences [`SentenceMemo`] holds.
const SENTENCE_BITS: u32 = 12;

/// log2 of the number of sentence hashes [`SentenceMemo`] holds.
const SEEN_BITS: u32 = 14;

/// Sentences longer than this (in tokens) are not remembered: long
/// sentences seldom repeat.
const SENTENCE_MAX: usize = 64;

/// The first pass's results of the sentences tagged before on this thread,
/// by the hash of their infos ([`sentence_hash`]): direct-mapped tables, a
/// sentence replaces another of the same index. Most sentences occur once:
/// a sentence is remembered the second time it is tagged, and the first
/// time only its hash is.
struct SentenceMemo {
    seen: Vec<u64>,
    tagged: Vec<Option<Box<Tagged>>>,
}

/// A sentence's infos and what the first pass made of them: its tags and
/// what the second pass needs of the tokens it scored (by index in the sentence).
struct Tagged {
    key: u64,
    infos: Box<[TokenInfo]>,
    tags: Box<[u8]>,
    fixed: Box<[(u32, Fixed)]>,
}

impl SentenceMemo {
    const fn empty() -> Self {
        SentenceMemo {
            seen: Vec::new(),
            tagged: Vec::new(),
        }
    }

    fn new() -> Self {
        SentenceMemo {
            seen: vec![0; 1 << SEEN_BITS],
            tagged: (0..1 << SENTENCE_BITS).map(|_| None).collect(),
        }
    }

    fn slot(key: u64, bits: u32) -> usize {
        (key.wrapping_mul(SPREAD) >> (64 - bits)) as usize
    }

    /// The first pass's results of the sentence of infos `sent` and hash `key`, if remembered.
    #[inline]
    fn get(&self, key: u64, sent: &[TokenInfo]) -> Option<&Tagged> {
        self.tagged
            .get(Self::slot(key, SENTENCE_BITS))?
            .as_deref()
            .filter(|t| t.key == key && *t.infos == *sent)
    }

    /// Remembers the first pass's `tags` of the sentence of infos `sent`
    /// (hash `key`) starting at token `start`, and its `fixed` records, if
    /// its hash was seen before; else remembers the hash.
    fn put(
        &mut self,
        key: u64,
        sent: &[TokenInfo],
        tags: &[u8],
        fixed: &[(usize, Fixed)],
        start: usize,
    ) {
        let Some(seen) = self.seen.get_mut(Self::slot(key, SEEN_BITS)) else {
            return;
        };
        if *seen != key {
            *seen = key;
            return;
        }
        if sent.len() > SENTENCE_MAX {
            return;
        }
        self.tagged[Self::slot(key, SENTENCE_BITS)] = Some(Box::new(Tagged {
            key,
            infos: sent.into(),
            tags: tags.into(),
            fixed: fixed
                .iter()
                .map(|&(k, f)| ((k - start) as u32, f))
                .collect(),
        }));
    }
}

/// What the second pass needs of a token the first pass scored: its
/// second-pass sums.
#[derive(Clone, Copy)]
struct Fixed {
    /// Of the features the same in both passes.
    same: Sums,
    /// Of its [`prev_rows`] after an O tag.
    after_o: Sums,
}

/// The sums of the rows of the features that read one token alone, by
/// word, remembered per thread: most tokens the tagger scores, and their
/// neighbours, are words it has seen before, whose rows it then adds as a
/// few sums. The tables are direct-mapped: a word replaces another of the
/// same index. With them, the sums of the features that read only the
/// tags before, and of those that read only the sentence's ends in the
/// first pass (where every vote is empty).
struct WordSums {
    /// The model the sums are of (the address of its table; 0: none yet).
    model: usize,
    /// By [`TokenInfo::key_hash`]: a token's info and its sums.
    own: Vec<Option<(TokenInfo, OwnSums)>>,
    /// By its hash as written: a word's [`TokenInfo::neighbour_key`] and sums.
    near: Vec<Option<([u64; 3], NearSums)>>,
    /// Both passes' sums of [`tag_rows`], by the tags one and two before.
    tags: [[Lanes; N_TAGS]; N_TAGS],
    /// The first pass's sums of [`near_vote_rows`] (empty votes), by
    /// whether the token is its sentence's first and whether it is its last.
    edges: [[Sums; 2]; 2],
    small: SmallSums,
    /// The first pass's tags of sentences seen before.
    sentences: SentenceMemo,
}

thread_local! {
    static WORD_SUMS: RefCell<WordSums> = const {
        RefCell::new(WordSums {
            model: 0,
            own: Vec::new(),
            near: Vec::new(),
            tags: [[[0; 2 * N_TAGS]; N_TAGS]; N_TAGS],
            edges: [[[0; N_TAGS]; 2]; 2],
            small: SmallSums {
                gaz_around: PairSums::new(GAZ_AROUND),
                legal_ahead: PairSums::new(LEGAL_AHEAD),
                gaz_prev: PairSums::new(GAZ_PREV),
                vote_position: PairSums::new(VOTE_POSITION),
                vote_types: PairSums::new(VOTE_TYPES),
                cue_vote: PairSums::new(CUE_VOTE),
                vote_before: PairSums::new(VOTE_BEFORE),
                vote_after: PairSums::new(VOTE_AFTER),
                empty_votes: [[0; 2 * N_TAGS]; VOTERS],
            },
            sentences: SentenceMemo::empty(),
        })
    };
}

impl WordSums {
    /// Makes the tables hold sums of `model`'s rows (emptied for another model).
    fn use_model(&mut self, model: &Model) {
        let id = model.rows.as_ptr() as usize;
        if self.model == id {
            return;
        }
        self.model = id;
        self.own = vec![None; 1 << WORD_SUM_BITS];
        self.near = vec![None; 1 << WORD_SUM_BITS];
        self.sentences = SentenceMemo::new();
        self.small.fill(model);
        for (p1, sums) in (0..).zip(&mut self.tags) {
            for (p2, sum) in (0..).zip(sums) {
                *sum = model.lanes::<false>(&tag_rows(p1, p2));
            }
        }
        let vote = |outside| {
            if outside {
                OUTSIDE_VOTE
            } else {
                Vote::EMPTY.top
            }
        };
        for (first, sums) in [false, true].into_iter().zip(&mut self.edges) {
            for (last, sum) in [false, true].into_iter().zip(sums) {
                let rows = near_vote_rows([vote(first), Vote::EMPTY.top, vote(last)]);
                *sum = *first_half(&model.lanes::<false>(&rows));
            }
        }
    }

    /// The first pass's scores of the middle token of `window` (as
    /// [`window`] gives it) after the tags `[p1, p2]`, given both passes'
    /// sums of its [`context_rows`] `both`, and what the second pass needs
    /// of it. `at_edges`: the token is its sentence's first, its last.
    #[inline(always)]
    fn first_pass<const AVX2: bool>(
        &mut self,
        model: &Model,
        window: &[&TokenInfo; 7],
        at_edges: [bool; 2],
        [p1, p2]: [u8; 2],
        mut both: Lanes,
    ) -> (Sums, Fixed) {
        let [_, m2, m1, t, n1, n2, _] = *window;
        add_all::<AVX2, _>(&mut both, &self.near(model, m1).before1);
        add_all::<AVX2, _>(&mut both, &self.near(model, n1).after1);
        add_all::<AVX2, _>(&mut both, &self.near(model, m2).before2);
        add_all::<AVX2, _>(&mut both, &self.near(model, n2).after2);
        let OwnSums { both: own, after_o } = *self.own(model, t);
        add_all::<AVX2, _>(&mut both, &own);
        // The features that depend on the pass: only their first pass counts here.
        let mut pass = self.tags[usize::from(p1)][usize::from(p2)];
        add_all::<AVX2, _>(&mut pass, &self.small.empty_votes[voter_index(voter(t))]);
        if p1 == O {
            add_all::<AVX2, _>(&mut pass, &after_o);
        } else {
            add_all::<AVX2, _>(&mut pass, &model.sums::<AVX2>(&prev_word_rows(t, p1)));
            add_all::<AVX2, _>(&mut pass, self.small.gaz_prev.get(gaz_prev(t, p1)));
        }
        let [first, last] = at_edges.map(usize::from);
        let mut one = *first_half(&both);
        add_all::<AVX2, _>(&mut one, first_half(&pass));
        add_all::<AVX2, _>(&mut one, &self.edges[first][last]);
        let fixed = Fixed {
            same: *second_half(&both),
            after_o: *second_half(&after_o),
        };
        (one, fixed)
    }

    /// The second pass's scores of token `i` of `sent`, of document votes
    /// `votes`, after the tags `[p1, p2]`, which the first pass scored
    /// (`fixed`): only its rows that depend on the pass and are not
    /// remembered are looked up.
    #[inline(always)]
    fn second_pass<const AVX2: bool>(
        &self,
        model: &Model,
        fixed: &Fixed,
        sent: &[TokenInfo],
        votes: &[Vote],
        i: usize,
        [p1, p2]: [u8; 2],
    ) -> Sums {
        let t = &sent[i];
        let small = &self.small;
        let mut sum = fixed.same;
        add_all::<AVX2, _>(
            &mut sum,
            second_half(&self.tags[usize::from(p1)][usize::from(p2)]),
        );
        if p1 == O {
            add_all::<AVX2, _>(&mut sum, &fixed.after_o);
        } else {
            let words = model.sums::<AVX2>(&prev_word_rows(t, p1));
            add_all::<AVX2, _>(&mut sum, second_half(&words));
            add_all::<AVX2, _>(&mut sum, second_half(small.gaz_prev.get(gaz_prev(t, p1))));
        }
        let voter = voter(t);
        if votes[i] == Vote::EMPTY {
            add_all::<AVX2, _>(
                &mut sum,
                second_half(&small.empty_votes[voter_index(voter)]),
            );
        } else {
            let [position, types, cue] = own_vote(voter, votes[i]);
            add_all::<AVX2, _>(&mut sum, small.vote_position.get(position));
            add_all::<AVX2, _>(&mut sum, small.vote_types.get(types));
            add_all::<AVX2, _>(&mut sum, small.cue_vote.get(cue));
        }
        let [before, after] = near_vote(vote_tops(votes, i));
        add_all::<AVX2, _>(&mut sum, small.vote_before.get(before));
        add_all::<AVX2, _>(&mut sum, small.vote_after.get(after));
        sum
    }

    /// The sums of the own features of `t`.
    #[inline(always)]
    fn own(&mut self, model: &Model, t: &TokenInfo) -> &OwnSums {
        let entry = &mut self.own[(t.key_hash() >> (64 - WORD_SUM_BITS)) as usize];
        if !matches!(entry, Some((key, _)) if key == t) {
            fill_own(entry, model, t);
        }
        entry.as_ref().map(|(_, sums)| sums).expect("filled")
    }

    /// The sums of the rows of `x` as each neighbour.
    #[inline(always)]
    fn near(&mut self, model: &Model, x: &TokenInfo) -> &NearSums {
        let key = x.neighbour_key();
        let entry = &mut self.near[(key[0].wrapping_mul(SPREAD) >> (64 - WORD_SUM_BITS)) as usize];
        if !matches!(entry, Some((k, _)) if *k == key) {
            fill_near(entry, model, x);
        }
        entry.as_ref().map(|(_, sums)| sums).expect("filled")
    }
}

/// The first pass's half of both passes' sums.
fn first_half(sums: &Lanes) -> &Sums {
    sums.first_chunk().expect("two passes")
}

/// The second pass's half of both passes' sums.
fn second_half(sums: &Lanes) -> &Sums {
    sums.last_chunk().expect("two passes")
}

/// Puts the sums of the own features of `t` in `entry` (out of line: the
/// tagger's loop keeps its registers for the words already seen).
#[cold]
#[inline(never)]
fn fill_own(entry: &mut Option<(TokenInfo, OwnSums)>, model: &Model, t: &TokenInfo) {
    let sums = OwnSums {
        both: model.lanes::<false>(&own_rows(t)),
        after_o: model.lanes::<false>(&prev_rows(t, O)),
    };
    *entry = Some((*t, sums));
}

/// Puts the sums of the rows of `x` as each neighbour in `entry` (out of
/// line, as [`fill_own`]).
#[cold]
#[inline(never)]
fn fill_near(entry: &mut Option<([u64; 3], NearSums)>, model: &Model, x: &TokenInfo) {
    let sums = NearSums {
        before1: model.lanes::<false>(&before1_rows(x)),
        after1: model.lanes::<false>(&after1_rows(x)),
        before2: model.lanes::<false>(&before2_rows(x)),
        after2: model.lanes::<false>(&after2_rows(x)),
    };
    *entry = Some((x.neighbour_key(), sums));
}

/// Adds `b` to `a` lane by lane; `AVX2`: the CPU has AVX2 (and the caller
/// enables it), and lanes are added eight at a time. Written out so: left
/// to itself, the compiler vectorizes these sums of nine and eighteen lanes
/// well or badly from one build to the next, whatever code changes.
#[inline(always)]
fn add_all<const AVX2: bool, const N: usize>(a: &mut [i32; N], b: &[i32; N]) {
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        use std::arch::x86_64::{
            __m256i, _mm256_add_epi32, _mm256_loadu_si256, _mm256_storeu_si256,
        };
        let (a8, a_rest) = a.as_chunks_mut::<8>();
        let (b8, b_rest) = b.as_chunks::<8>();
        for (x, y) in a8.iter_mut().zip(b8) {
            // SAFETY: `AVX2` is set only when the CPU has AVX2; the loads
            // and the store cover the eight lanes of `x` and `y`.
            unsafe {
                let sum = _mm256_add_epi32(
                    _mm256_loadu_si256(x.as_ptr().cast::<__m256i>()),
                    _mm256_loadu_si256(y.as_ptr().cast::<__m256i>()),
                );
                _mm256_storeu_si256(x.as_mut_ptr().cast::<__m256i>(), sum);
            }
        }
        for (x, y) in a_rest.iter_mut().zip(b_rest) {
            *x += y;
        }
        return;
    }
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

impl Model {
    /// [`Model::sum_rows`] with AVX2: lanes 0-15 of two rows in two 32-byte
    /// registers, interleaved by halves (lanes 0-3 and 8-11, 4-7 and 12-15)
    /// and multiplied-added by pairs; lanes 16-17 as in the SSE2 sums.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    fn sum_rows_avx2(&self, feats: &[u32]) -> [i32; 2 * N_TAGS] {
        use std::arch::x86_64::{
            __m128i, __m256i, _mm256_add_epi32, _mm256_loadu_si256, _mm256_madd_epi16,
            _mm256_set1_epi16, _mm256_setzero_si256, _mm256_storeu_si256, _mm256_unpackhi_epi16,
            _mm256_unpacklo_epi16, _mm_add_epi32, _mm_cvtsi32_si128, _mm_madd_epi16,
            _mm_set1_epi16, _mm_setzero_si128, _mm_storeu_si128, _mm_unpacklo_epi16,
        };
        // SAFETY: the loads cover bytes 0-31 and 32-35 of a 36-byte row, the
        // stores 32 bytes each of `lo` and `hi` and 16 of `tail`.
        unsafe {
            let ones = _mm256_set1_epi16(1);
            let (mut s0, mut s1) = (_mm256_setzero_si256(), _mm256_setzero_si256());
            let mut s2 = _mm_setzero_si128();
            for &[fa, fb] in feats.as_chunks::<2>().0 {
                let a = self.row(fa).as_ptr();
                let b = self.row(fb).as_ptr();
                let a0 = _mm256_loadu_si256(a.cast::<__m256i>());
                let b0 = _mm256_loadu_si256(b.cast::<__m256i>());
                let tail =
                    |r: *const u8| _mm_cvtsi32_si128(r.add(32).cast::<i32>().read_unaligned());
                s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(_mm256_unpacklo_epi16(a0, b0), ones));
                s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(_mm256_unpackhi_epi16(a0, b0), ones));
                let ab = _mm_unpacklo_epi16(tail(a), tail(b));
                s2 = _mm_add_epi32(s2, _mm_madd_epi16(ab, _mm_set1_epi16(1)));
            }
            let (mut lo, mut hi, mut tail) = ([0i32; 8], [0i32; 8], [0i32; 4]);
            _mm256_storeu_si256(lo.as_mut_ptr().cast::<__m256i>(), s0);
            _mm256_storeu_si256(hi.as_mut_ptr().cast::<__m256i>(), s1);
            _mm_storeu_si128(tail.as_mut_ptr().cast::<__m128i>(), s2);
            let mut sums = [0i32; 2 * N_TAGS];
            sums[..4].copy_from_slice(&lo[..4]);
            sums[4..8].copy_from_slice(&hi[..4]);
            sums[8..12].copy_from_slice(&lo[4..]);
            sums[12..16].copy_from_slice(&hi[4..]);
            sums[16..].copy_from_slice(&tail[..2]);
            sums
        }
    }
}

/// Adds one pass's weights of a row to `sum` (fixed sizes: the compiler
/// turns the loop into a few vector instructions).
#[inline(always)]
fn add(sum: &mut Sums, w: &Weights) {
    for (t, s) in sum.iter_mut().enumerate() {
        *s += i32::from(i16::from_le_bytes([w[2 * t], w[2 * t + 1]]));
    }
}

// Rows are added two at a time: no feature may be left over.
const _: () = assert!(CONTEXT.is_multiple_of(2) && PASS_FEATURES.len().is_multiple_of(2));

/// Asks the CPU to start loading the cache lines of a weight row. A token's
/// rows lie all over the table, and scoring waits on memory: started all at
/// once, the loads overlap instead of queueing behind the additions.
#[inline(always)]
fn prefetch(row: &[u8]) {
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
    #[cfg(target_arch = "x86_64")]
    for p in [row.as_ptr(), row[row.len() - 1..].as_ptr()] {
        // SAFETY: a prefetch is only a hint to the cache; it never faults,
        // and both pointers point into `row`.
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
        }
    }
}

/// The highest-scoring tag allowed after `prev`: of float scores, or of
/// the integer sums [`Model::tag`] compares as they are (as floats they
/// would be the same numbers, in order: sums of at most [`N_FEATURES`]
/// i16 weights are far below 2^24).
pub fn best_tag<S: PartialOrd>(scores: &[S; N_TAGS], prev: u8) -> u8 {
    let mut best = O;
    for t in 1..N_TAGS as u8 {
        if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
            best = t;
        }
    }
    best
}

/// Tags a whole document in two passes; `score(pass, features)` gives the tag scores.
pub fn tag_document(
    p: &Prepared,
    score: impl Fn(usize, &[u32; N_FEATURES]) -> [f32; N_TAGS],
) -> Vec<u8> {
    let first = tag_pass(p, &vec![Vote::EMPTY; p.tokens.len()], |f| score(0, f));
    tag_pass(p, &votes::collect(p, &first), |f| score(1, f))
}

/// One greedy pass over every sentence of `p`, with the given document votes.
pub fn tag_pass(
    p: &Prepared,
    votes: &[Vote],
    score: impl Fn(&[u32; N_FEATURES]) -> [f32; N_TAGS],
) -> Vec<u8> {
    let mut tags = Vec::with_capacity(p.tokens.len());
    for r in &p.sentences {
        tag_sentence(&p.infos[r.clone()], &votes[r.clone()], &score, &mut tags);
    }
    tags
}

/// Tags one sentence greedily; `score` gives the tag scores of a feature set.
pub fn tag_sentence(
    sent: &[TokenInfo],
    votes: &[Vote],
    score: impl Fn(&[u32; N_FEATURES]) -> [f32; N_TAGS],
    out: &mut Vec<u8>,
) {
    let (mut p1, mut p2) = (O, O);
    let mut feats = [0u32; N_FEATURES];
    for i in 0..sent.len() {
        let tag = if p1 == O && sent[i].trivially_outside() {
            O
        } else {
            features(sent, votes, i, p1, p2, &mut feats);
            best_tag(&score(&feats), p1)
        };
        out.push(tag);
        p2 = p1;
        p1 = tag;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_round_trips() {
        let mut w = vec![0f32; TABLE_ROWS * N_TAGS];
        w[N_TAGS * 3 + 2] = 1000.0;
        w[N_TAGS * 7 + 1] = 0.5;
        let m = Model::from_bytes(Vec::leak(Model::encode(&w, &w))).unwrap();
        let mut feats = [3u32; N_FEATURES];
        feats[0] = 7;
        let s = m.score(1, &feats);
        let unit = s[2] / (N_FEATURES - 1) as f32 / 1000.0;
        assert!((s[1] / unit - 0.5).abs() < 0.05, "{s:?}");
    }

    #[test]
    fn fast_two_pass_tagging_matches_the_plain_one() {
        let text = "Shares of Acme Corp. rose .\nACME SAYS PROFIT UP .\nAcme said Mr Smith of \
                    Globex Inc joined the Acme board in New York .\nGlobex fell .";
        let doc = crate::text::Document::new(text);
        let p = Prepared::new(&doc, &[]);
        let plain = tag_document(&p, |pass, f| MODEL.score(pass, f));
        assert_eq!(MODEL.tag(&p), plain);
        let plain_sums = WORD_SUMS.with_borrow_mut(|words| MODEL.tag_with::<false>(&p, words));
        assert_eq!(plain_sums, plain);
        assert!(plain.iter().any(|&t| t != O));
        // The sums remembered by word are those of the model in use.
        let mut raw = SHIPPED[..HEADER].to_vec();
        raw.resize(HEADER + TABLE, 0);
        let zero = Model::from_bytes(Vec::leak(raw)).unwrap();
        assert!(zero.tag(&p).iter().all(|&t| t == O));
        assert_eq!(MODEL.tag(&p), plain);
    }

    #[test]
    fn remembered_sentences_are_tagged_as_the_first_time() {
        // The same lines again and again, as a site's boilerplate: the
        // third of each is tagged from the memo.
        let text = "Follow Zentrix Media on Quuxbook .\nShares of Velmar Inc. rose .\n".repeat(4);
        let doc = crate::text::Document::new(&text);
        let p = Prepared::new(&doc, &[]);
        let plain = tag_document(&p, |pass, f| MODEL.score(pass, f));
        assert!(plain.iter().any(|&t| t != O));
        for _ in 0..3 {
            assert_eq!(MODEL.tag(&p), plain);
        }
        WORD_SUMS.with_borrow(|words| {
            assert!(words.sentences.tagged.iter().any(Option::is_some));
        });
    }

    #[test]
    fn pairs_of_rows_add_lane_by_lane() {
        let lane = |r: i32, t: i32| (r * 7919 + t * 4001) % 65536 - 32768;
        let mut raw = SHIPPED[..HEADER].to_vec();
        raw.resize(HEADER + TABLE, 0);
        for r in 1..=4 {
            for t in 0..ROW as i32 / 2 {
                let at = HEADER + r as usize * ROW + 2 * t as usize;
                raw[at..at + 2].copy_from_slice(&(lane(r, t) as i16).to_le_bytes());
            }
        }
        let m = Model::from_bytes(Vec::leak(raw)).unwrap();
        let sum = |feats: &[u32]| {
            let plain = m.sum_rows(feats);
            if m.avx2 {
                assert_eq!(m.sums::<true>(feats), plain);
            }
            plain
        };
        let sums = sum(&[1, 2, 3, 4]);
        for (t, &s) in sums.iter().enumerate() {
            let t = t as i32;
            assert_eq!(s, (1..=4).map(|r| lane(r, t)).sum::<i32>());
        }
        assert_eq!(sum(&[0, 0]), [0; 2 * N_TAGS]);
    }

    #[test]
    fn inside_tags_only_continue_their_entity() {
        let mut s = [0f32; N_TAGS];
        s[2] = 5.0; // I-ORG
        s[1] = 1.0; // B-ORG
        assert_eq!(best_tag(&s, O), 1);
        assert_eq!(best_tag(&s, 1), 2);
    }
}
