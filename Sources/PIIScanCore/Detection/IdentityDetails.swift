/// The derived facts of an ID number: region, birth date, age, sex.
enum IdentityDetails {
  /// Details of a checked ID number. The mask hides the birth date (characters 7–14), so
  /// everything derived from it — the date, the year, the age, whether the holder is a minor —
  /// is shown only with `--reveal`; the region (characters 1–6) and the sex (character 17) are
  /// shown masked too.
  static func of(_ check: ResidentIDCheck, asOf: CivilDate) -> [FindingDetail] {
    var details: [FindingDetail] = []
    if let region = check.region {
      details.append(FindingDetail("region", region.name))
      if !region.isCurrent { details.append(FindingDetail("region_current", "false")) }
      if check.isRegionRetiredBeforeBirth {
        details.append(FindingDetail("region_retired_before_birth", "true", masked: ""))
      }
    }
    if let birth = check.birthDate {
      details.append(FindingDetail("birth_date", birth.description, masked: ""))
      details.append(FindingDetail("birth_year", String(birth.year), masked: ""))
      if birth <= asOf {
        let age = birth.age(on: asOf)
        details.append(FindingDetail("age", String(age), masked: ""))
        if age < 14 { details.append(FindingDetail("minor_under_14", "true", masked: "")) }
        if check.isImplausibleAge {
          details.append(FindingDetail("implausible_age", "true", masked: ""))
        }
      }
    }
    if let sex = check.sex { details.append(FindingDetail("sex", sex.rawValue)) }
    return details
  }
}
