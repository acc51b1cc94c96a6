/// The derived facts of an ID number: region, birth date, age, sex.
enum IdentityDetails {
  /// Details of a checked ID number. The full birth date is shown only with `--reveal`; the
  /// birth year, age and sex are shown masked too (the mask hides the date, not the age band).
  static func of(_ check: ResidentIDCheck, asOf: CivilDate) -> [FindingDetail] {
    var details: [FindingDetail] = []
    if let region = check.region {
      details.append(FindingDetail("region", region.name))
      if !region.isCurrent { details.append(FindingDetail("region_current", "false")) }
      if check.isRegionRetiredBeforeBirth {
        details.append(FindingDetail("region_retired_before_birth", "true"))
      }
    }
    if let birth = check.birthDate {
      details.append(FindingDetail("birth_date", birth.description, masked: ""))
      details.append(FindingDetail("birth_year", String(birth.year)))
      if birth <= asOf {
        let age = birth.age(on: asOf)
        details.append(FindingDetail("age", String(age)))
        if age < 14 { details.append(FindingDetail("minor_under_14", "true")) }
        if check.isImplausibleAge { details.append(FindingDetail("implausible_age", "true")) }
      }
    }
    if let sex = check.sex { details.append(FindingDetail("sex", sex.rawValue)) }
    return details
  }
}
