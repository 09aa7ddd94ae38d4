use super::*;

const HEADER: &str = "ministry_code,ministry_name_bn,ministry_name_en,office_code,office_name_bn,office_name_en,service_code,service_name_bn,service_name_en,delivery_mode,steps,documents,fee_bdt,promised_days,responsible_officer,yearly_applications,roadmap_category";
const ROW: &str = "MOHA,স্বরাষ্ট্র মন্ত্রণালয়,Ministry of Home Affairs,DIP,ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর,Department of Immigration and Passports,DIP-001,ই-পাসপোর্ট,E-passport,partly_online,আবেদন (Apply)|বায়োমেট্রিক (Biometrics),এনআইডি (NID),৪০২৫,21,পরিচালক (Director),১২০০০০০,1";

fn sheet(rows: &[&str]) -> Vec<u8> {
    let mut s = String::from(HEADER);
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s.into_bytes()
}

fn reasons(bytes: &[u8]) -> Vec<String> {
    parse_catalogue(bytes).expect_err("should fail").into_iter().map(|e| e.to_string()).collect()
}

#[test]
fn a_good_row_is_read_with_bangla_digits_and_lists() {
    let rows = parse_catalogue(&sheet(&[ROW])).unwrap();
    let r = &rows[0];
    assert_eq!((r.line, r.code.as_str()), (2, "DIP-001"));
    assert_eq!(r.steps, vec!["আবেদন (Apply)", "বায়োমেট্রিক (Biometrics)"]);
    assert_eq!((r.fee_bdt, r.promised_days, r.yearly_applications), (Some(4025), Some(21), Some(1_200_000)));
    assert_eq!(r.roadmap_category, Some(RoadmapCategory::One));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(sheet(&[ROW]));
    assert_eq!(parse_catalogue(&bytes).unwrap().len(), 1);
}

#[test]
fn unknown_and_missing_columns_are_refused() {
    let bad = format!("{HEADER},colour\n{ROW},red");
    assert_eq!(reasons(bad.as_bytes()), vec!["line 1: unknown column \"colour\""]);
    let missing = HEADER.replace("service_code,", "");
    assert_eq!(reasons(missing.as_bytes()), vec!["line 1: missing column \"service_code\""]);
}

#[test]
fn each_bad_row_is_reported_with_its_line() {
    let no_code = ROW.replace("DIP-001", "");
    let bad_fee = ROW.replace("৪০২৫", "12a");
    let bad_mode = ROW.replace("partly_online", "fax");
    let bad_category = ROW.replace(",1", ",3");
    let got = reasons(&sheet(&[ROW, &no_code, &bad_fee, &bad_mode, &bad_category]));
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[0].starts_with("line 3: service_code is empty"), "{got:?}");
    assert!(got[1].starts_with("line 4: fee_bdt \"12a\""), "{got:?}");
    assert!(got[2].starts_with("line 5: delivery_mode"), "{got:?}");
    assert!(got[3].starts_with("line 6: roadmap_category"), "{got:?}");
}

#[test]
fn a_duplicate_code_in_the_file_is_refused() {
    let got = reasons(&sheet(&[ROW, ROW]));
    assert_eq!(got, vec!["line 3: service code DIP-001 already appears on line 2"]);
}

#[test]
fn an_office_cannot_belong_to_two_ministries_in_one_file() {
    let other = ROW.replace("MOHA", "MOFA").replace("DIP-001", "DIP-002");
    let got = reasons(&sheet(&[ROW, &other]));
    assert!(got[0].contains("office DIP is under ministry MOHA on line 2"), "{got:?}");
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_refused() {
    let got = reasons(&sheet(&[ROW, "MOHA,x"]));
    assert!(got[0].starts_with("line 3: unreadable row"), "{got:?}");
}

#[test]
fn an_empty_sheet_is_refused() {
    assert_eq!(reasons(HEADER.as_bytes()), vec!["line 1: the file has no service rows"]);
}

#[test]
fn other_names_are_read_from_the_aliases_column_and_limited() {
    let good = format!("{HEADER},aliases\n{ROW},pasport | MRP ||notun passport");
    let rows = parse_catalogue(good.as_bytes()).unwrap();
    assert_eq!(rows[0].aliases, ["pasport", "MRP", "notun passport"]);
    let without = parse_catalogue(sheet(&[ROW]).as_slice()).unwrap();
    assert!(without[0].aliases.is_empty(), "the column may be left out");
    let many = vec!["x"; 21].join("|");
    let too_many = format!("{HEADER},aliases\n{ROW},{many}");
    assert_eq!(reasons(too_many.as_bytes()), vec!["line 2: aliases: 21 names, at most 20"]);
    let long = "ক".repeat(81);
    let too_long = format!("{HEADER},aliases\n{ROW},{long}");
    assert!(reasons(too_long.as_bytes())[0].contains("is longer than 80 characters"));
}
