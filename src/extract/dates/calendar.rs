//! Proleptic Gregorian calendar arithmetic on plain dates: parsing ISO
//! prefixes, weekdays, ISO weeks, adding days and months, and the dates of
//! the holidays news mentions by name.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses the `YYYY-MM-DD` at the start of an ISO date or datetime
    /// (`2018-06-06`, `2018-06-06T14:35:00Z`, `2019-01-02 10:00:00`).
    pub fn parse_iso_prefix(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            year: y as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// Adds months, clamping the day to the target month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u32;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.to_days() + 3).rem_euclid(7) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }

    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    pub fn iso(self) -> String {
        let mut s = year_month(self.year, self.month);
        s.push('-');
        push_two(&mut s, self.day);
        s
    }

    pub fn iso_month(self) -> String {
        year_month(self.year, self.month)
    }

    pub fn iso_week_string(self) -> String {
        let (y, w) = self.iso_week();
        let mut s = year(y);
        s.push_str("-W");
        push_two(&mut s, w);
        s
    }
}

/// `format!("{y:04}")`, without the formatting machinery for the usual years.
pub fn year(y: i32) -> String {
    let mut s = String::with_capacity(16);
    match u32::try_from(y) {
        Ok(y @ 0..=9999) => {
            for d in [y / 1000, y / 100 % 10, y / 10 % 10, y % 10] {
                s.push(char::from(b'0' + d as u8));
            }
        }
        _ => s.push_str(&format!("{y:04}")),
    }
    s
}

/// `format!("{y:04}-{m:02}")`.
pub fn year_month(y: i32, m: u32) -> String {
    let mut s = year(y);
    s.push('-');
    push_two(&mut s, m);
    s
}

/// Appends `format!("{n:02}")`.
fn push_two(s: &mut String, n: u32) {
    if n < 100 {
        s.push(char::from(b'0' + (n / 10) as u8));
        s.push(char::from(b'0' + (n % 10) as u8));
    } else {
        s.push_str(&n.to_string());
    }
}

/// The `n`-th (1-based) weekday `wd` (0 = Monday) of a month; `n = 5` means the last.
pub fn nth_weekday(year: i32, month: u32, wd: u32, n: u32) -> Date {
    if n >= 5 {
        let last = Date {
            year,
            month,
            day: days_in_month(year, month),
        };
        let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
        return last.add_days(-back);
    }
    let first = Date {
        year,
        month,
        day: 1,
    };
    let fwd = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
    first.add_days(fwd + 7 * i64::from(n - 1))
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u32,
        day: day as u32,
    }
}

/// A named holiday in a given year (US conventions where they differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYear,
    Christmas,
    ChristmasEve,
    NewYearsEve,
    Independence,
    Thanksgiving,
    Labor,
    Memorial,
    Election,
    Easter,
    Halloween,
    Valentine,
}

impl Holiday {
    pub fn on(self, year: i32) -> Date {
        let fixed = |month, day| Date { year, month, day };
        match self {
            Holiday::NewYear => fixed(1, 1),
            Holiday::Christmas => fixed(12, 25),
            Holiday::ChristmasEve => fixed(12, 24),
            Holiday::NewYearsEve => fixed(12, 31),
            Holiday::Independence => fixed(7, 4),
            Holiday::Halloween => fixed(10, 31),
            Holiday::Valentine => fixed(2, 14),
            Holiday::Thanksgiving => nth_weekday(year, 11, 3, 4),
            Holiday::Labor => nth_weekday(year, 9, 0, 1),
            Holiday::Memorial => nth_weekday(year, 5, 0, 5),
            // The Tuesday after the first Monday of November.
            Holiday::Election => nth_weekday(year, 11, 0, 1).add_days(1),
            Holiday::Easter => easter(year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_strings_are_those_format_writes() {
        for (y, m, d) in [
            (1998, 2, 5),
            (7, 12, 31),
            (0, 1, 1),
            (12345, 3, 4),
            (-44, 3, 15),
        ] {
            let date = Date {
                year: y,
                month: m,
                day: d,
            };
            assert_eq!(date.iso(), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(date.iso_month(), format!("{y:04}-{m:02}"));
            assert_eq!(year(y), format!("{y:04}"));
        }
        let (y, w) = Date::new(2024, 12, 30).unwrap().iso_week();
        assert_eq!(
            Date::new(2024, 12, 30).unwrap().iso_week_string(),
            format!("{y:04}-W{w:02}")
        );
    }

    #[test]
    fn days_round_trip_and_epoch() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        for z in [-800_000i64, -1, 0, 59, 11_016, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(z).to_days(), z);
        }
    }

    #[test]
    fn weekdays_and_weeks() {
        let d = Date::new(2018, 6, 6).unwrap();
        assert_eq!(d.weekday(), 2); // Wednesday
        assert_eq!(d.iso_week_string(), "2018-W23");
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2024, 12, 30).unwrap().iso_week(), (2025, 1));
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::new(2024, 3, 31).unwrap();
        assert_eq!(d.add_months(-1), Date::new(2024, 2, 29).unwrap());
        assert_eq!(d.add_months(-15), Date::new(2022, 12, 31).unwrap());
    }

    #[test]
    fn parses_iso_prefixes() {
        assert_eq!(
            Date::parse_iso_prefix("2019-01-02 10:00:00"),
            Date::new(2019, 1, 2)
        );
        assert_eq!(
            Date::parse_iso_prefix("1998-02-13T14:35:00"),
            Date::new(1998, 2, 13)
        );
        assert_eq!(Date::parse_iso_prefix("2019-02-30"), None);
        assert_eq!(Date::parse_iso_prefix("June 5"), None);
    }

    #[test]
    fn holidays() {
        assert_eq!(
            Holiday::Thanksgiving.on(1999),
            Date::new(1999, 11, 25).unwrap()
        );
        assert_eq!(Holiday::Election.on(1998), Date::new(1998, 11, 3).unwrap());
        assert_eq!(Holiday::Memorial.on(2018), Date::new(2018, 5, 28).unwrap());
        assert_eq!(easter(2000), Date::new(2000, 4, 23).unwrap());
        assert_eq!(easter(2024), Date::new(2024, 3, 31).unwrap());
        assert_eq!(easter(1991), Date::new(1991, 3, 31).unwrap());
    }

    /// Every day from 1800 to 2200: day numbers are consecutive, weekdays
    /// cycle, ISO weeks advance on Mondays only, and month arithmetic inverts.
    #[test]
    fn calendar_properties_hold_for_every_day() {
        let start = Date::new(1800, 1, 1).unwrap().to_days();
        let end = Date::new(2200, 12, 31).unwrap().to_days();
        let mut prev = Date::from_days(start - 1);
        for z in start..=end {
            let d = Date::from_days(z);
            assert_eq!(d.to_days(), z);
            assert_eq!(Date::new(d.year, d.month, d.day), Some(d));
            assert!(d > prev);
            assert_eq!(d.weekday(), (prev.weekday() + 1) % 7);
            let (wy, w) = d.iso_week();
            let (py, pw) = prev.iso_week();
            if d.weekday() == 0 {
                assert!(w == 1 || (wy, w) == (py, pw + 1), "{d:?}");
            } else {
                assert_eq!((wy, w), (py, pw), "{d:?}");
            }
            assert!((1..=53).contains(&w));
            if d.day <= 28 {
                for n in [-25, -12, -1, 1, 7, 12, 40] {
                    assert_eq!(d.add_months(n).add_months(-n), d);
                }
            }
            assert_eq!(d.quarter(), d.month.div_ceil(3));
            prev = d;
        }
    }

    #[test]
    fn nth_weekday_is_that_weekday_in_that_month() {
        for y in 1950..2050 {
            for m in 1..=12 {
                for wd in 0..7 {
                    for n in 1..=5 {
                        let d = nth_weekday(y, m, wd, n);
                        assert_eq!((d.year, d.month, d.weekday()), (y, m, wd));
                        if n < 5 {
                            assert_eq!((d.day - 1) / 7 + 1, n);
                        } else {
                            assert!(d.day + 7 > days_in_month(y, m));
                        }
                    }
                }
            }
        }
    }
}
