//! Nationality and regional adjectives ("Polish", "Southeast Asian") and
//! their plural nouns ("Afrikaners"): a name made of one of them describes
//! people or a government ("the Polish government"), it names no
//! organization by itself.

use super::words::split_first_word;
use crate::text::hash::FastSet;
use std::sync::LazyLock;

/// Adjectives of nationality, region and people.
const DEMONYMS: &[&str] = &[
    "Afghan",
    "African",
    "Afrikaner",
    "Albanian",
    "Algerian",
    "American",
    "Andean",
    "Angolan",
    "Arab",
    "Arabian",
    "Argentine",
    "Argentinian",
    "Armenian",
    "Asian",
    "Australian",
    "Austrian",
    "Azerbaijani",
    "Azeri",
    "Bahraini",
    "Baltic",
    "Bangladeshi",
    "Basque",
    "Belarusian",
    "Belgian",
    "Bolivian",
    "Bosnian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burmese",
    "Burundian",
    "Cambodian",
    "Cameroonian",
    "Canadian",
    "Caribbean",
    "Catalan",
    "Caucasian",
    "Chechen",
    "Chilean",
    "Chinese",
    "Colombian",
    "Congolese",
    "Croatian",
    "Cuban",
    "Cypriot",
    "Czech",
    "Danish",
    "Dutch",
    "Ecuadorean",
    "Ecuadorian",
    "Egyptian",
    "English",
    "Eritrean",
    "Estonian",
    "Ethiopian",
    "European",
    "Filipino",
    "Finnish",
    "Flemish",
    "French",
    "Georgian",
    "German",
    "Ghanaian",
    "Greek",
    "Guatemalan",
    "Haitian",
    "Honduran",
    "Hungarian",
    "Icelandic",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Ivorian",
    "Jamaican",
    "Japanese",
    "Jordanian",
    "Kazakh",
    "Kenyan",
    "Korean",
    "Kosovar",
    "Kurdish",
    "Kuwaiti",
    "Kyrgyz",
    "Lao",
    "Latin",
    "Latvian",
    "Lebanese",
    "Liberian",
    "Libyan",
    "Lithuanian",
    "Macedonian",
    "Malagasy",
    "Malaysian",
    "Maltese",
    "Mexican",
    "Moldovan",
    "Mongolian",
    "Montenegrin",
    "Moroccan",
    "Mozambican",
    "Namibian",
    "Nepalese",
    "Nigerian",
    "Nordic",
    "Norwegian",
    "Omani",
    "Pakistani",
    "Palestinian",
    "Panamanian",
    "Paraguayan",
    "Persian",
    "Peruvian",
    "Philippine",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Rwandan",
    "Saudi",
    "Scandinavian",
    "Scottish",
    "Senegalese",
    "Serb",
    "Serbian",
    "Sicilian",
    "Singaporean",
    "Slovak",
    "Slovakian",
    "Slovene",
    "Slovenian",
    "Somali",
    "Spanish",
    "Sri Lankan",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Tajik",
    "Tamil",
    "Tanzanian",
    "Thai",
    "Tibetan",
    "Tunisian",
    "Turkish",
    "Turkmen",
    "Ugandan",
    "Ukrainian",
    "Uruguayan",
    "Uzbek",
    "Venezuelan",
    "Vietnamese",
    "Welsh",
    "Yemeni",
    "Yugoslav",
    "Zambian",
    "Zimbabwean",
];

/// Compass and regional words that may stand before an adjective
/// ("Southeast Asian", "North Korean").
const QUALIFIERS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Sub-Saharan",
];

/// True when `name` is a nationality adjective or its plural noun, a
/// compass word allowed before it ("North Korean", "Afrikaners", "Koreans").
pub fn is_demonym(name: &str) -> bool {
    // Hashed once: a lookup per tagger name, not a scan of 160 words.
    static LISTED: LazyLock<FastSet<&str>> = LazyLock::new(|| DEMONYMS.iter().copied().collect());
    let word = match split_first_word(name) {
        Some((first, rest)) if QUALIFIERS.contains(&first) => rest,
        _ => name,
    };
    let singular = word
        .strip_suffix('s')
        .filter(|w| w.ends_with(['n', 'r', 'i']));
    let listed = |w: &str| LISTED.contains(w);
    listed(word) || singular.is_some_and(listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_and_plurals_of_nationality() {
        for n in [
            "Polish",
            "Southeast Asian",
            "Koreans",
            "Afrikaners",
            "Sri Lankan",
        ] {
            assert!(is_demonym(n), "{n}");
        }
        for n in [
            "Swiss Re",
            "Korean Air",
            "Poland",
            "Danish Crown",
            "Thais Airways",
        ] {
            assert!(!is_demonym(n), "{n}");
        }
    }
}
