//! Names split at their spaces, and the words of the text right before
//! or after a name. Byte loops: these are a few bytes long, and the
//! memchr call behind `str::split(' ')` or `str::contains(' ')` (or the
//! char-by-char search for one of several characters) costs more than
//! reading them. Each function below does what its `str` counterpart,
//! named in its comment, does.

/// Whether `name` holds a space: `name.contains(' ')`.
pub fn has_space(name: &str) -> bool {
    name.bytes().any(|b| b == b' ')
}

/// The text before the first space (all of `name` without one):
/// `name.split(' ').next()`.
pub fn first_word(name: &str) -> &str {
    &name[..name.bytes().position(|b| b == b' ').unwrap_or(name.len())]
}

/// The text after the last space (all of `name` without one):
/// `name.rsplit(' ').next()`.
pub fn last_word(name: &str) -> &str {
    &name[name.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1)..]
}

/// The words between spaces: `name.split(' ')`.
pub fn words(name: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(name);
    std::iter::from_fn(move || {
        let (word, tail) = split_first_word(rest?).map_or((rest?, None), |(w, t)| (w, Some(t)));
        rest = tail;
        Some(word)
    })
}

/// The text before and after the first space: `name.split_once(' ')`.
pub fn split_first_word(name: &str) -> Option<(&str, &str)> {
    let i = name.bytes().position(|b| b == b' ')?;
    Some((&name[..i], &name[i + 1..]))
}

/// The text before and after the last space: `name.rsplit_once(' ')`.
pub fn split_last_word(name: &str) -> Option<(&str, &str)> {
    let i = name.bytes().rposition(|b| b == b' ')?;
    Some((&name[..i], &name[i + 1..]))
}

/// The word that ends `before`, after its last space or line break:
/// `before.rsplit([' ', '\n']).next()`.
pub fn word_ending(before: &str) -> &str {
    let start = before.bytes().rposition(|b| b == b' ' || b == b'\n');
    &before[start.map_or(0, |i| i + 1)..]
}

/// The word that starts `rest`, before its first space or line break:
/// `rest.split([' ', '\n']).next()`.
pub fn word_starting(rest: &str) -> &str {
    let end = rest.bytes().position(|b| b == b' ' || b == b'\n');
    &rest[..end.unwrap_or(rest.len())]
}

/// The number of words between spaces: `name.split(' ').count()`.
pub fn word_count(name: &str) -> usize {
    1 + name.bytes().filter(|&b| b == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_those_of_the_str_splits() {
        for name in [
            "Orvane Mitsu Bank",
            "Velmar",
            "",
            " ",
            "Café  Orvane ",
            " Zentrix",
            "said\nOrvane Mitsu",
            "Orvane\nMitsu said",
        ] {
            assert_eq!(has_space(name), name.contains(' '));
            assert!(words(name).eq(name.split(' ')));
            assert_eq!(first_word(name), name.split(' ').next().unwrap());
            assert_eq!(last_word(name), name.rsplit(' ').next().unwrap());
            assert_eq!(split_first_word(name), name.split_once(' '));
            assert_eq!(split_last_word(name), name.rsplit_once(' '));
            assert_eq!(word_count(name), name.split(' ').count());
            assert_eq!(word_ending(name), name.rsplit([' ', '\n']).next().unwrap());
            assert_eq!(word_starting(name), name.split([' ', '\n']).next().unwrap());
        }
    }
}
