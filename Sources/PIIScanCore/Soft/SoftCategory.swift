/// Categories beyond the strong identifiers (the `[category]` ids of `Patterns/soft/`).
///
/// The last five (`cnMobile`, `cnLandline`, `cnResidentID`, `email`, `cnBankCard`) appear only as
/// what a column header names: their values are validated by the strong detectors, not here.
public enum SoftCategory: String, Sendable, CaseIterable {
  case personNameZh = "person_name_zh"
  case gender
  case age
  case birthDate = "birth_date"
  case ethnicity
  case maritalStatus = "marital_status"
  case education
  case workUnit = "work_unit"
  case occupation
  case resumeHistory = "resume_history"
  case homeAddress = "home_address"
  case householdRegistration = "household_registration"
  case cnPassport = "cn_passport"
  case cnHKMOHomeReturnPermit = "cn_hkmo_home_return_permit"
  case cnHKMOExitEntryPermit = "cn_hkmo_exit_entry_permit"
  case cnTWCompatriotPermit = "cn_tw_compatriot_permit"
  case cnForeignPermanentResidenceID = "cn_foreign_permanent_residence_id"
  case cnMilitaryOfficerID = "cn_military_officer_id"
  case cnHKIdentityCard = "cn_hk_identity_card"
  case qqNumber = "qq_number"
  case wechatID = "wechat_id"
  case cnVehiclePlate = "cn_vehicle_plate"
  case cnBankAccount = "cn_bank_account"
  case telecomAccountOpening = "telecom_account_opening"
  case credential
  case cnUSCC = "cn_uscc"
  case locationTrace = "location_trace"
  case communicationContent = "communication_content"
  case creditReport = "credit_report"
  case propertyInfo = "property_info"
  case lodgingRecord = "lodging_record"
  case callDetailRecord = "call_detail_record"
  case healthInfo = "health_info"
  case transactionRecord = "transaction_record"
  case cnMobile = "cn_mobile"
  case cnLandline = "cn_landline"
  case cnResidentID = "cn_resident_id"
  case email
  case cnBankCard = "cn_bank_card"

  /// The record-kind categories: recognised only from headers; any non-empty value counts.
  public var isRecordKind: Bool {
    switch self {
    case .locationTrace, .communicationContent, .creditReport, .propertyInfo, .lodgingRecord,
      .callDetailRecord, .healthInfo, .transactionRecord:
      return true
    default:
      return false
    }
  }

  /// The strong categories named by headers only; their values are checked by the strong
  /// validators (`ResidentID`, `MobilePrefixTable`, `BankBINTable`…), never by `SoftClassifier`.
  public var isStrongHeaderOnly: Bool {
    switch self {
    case .cnMobile, .cnLandline, .cnResidentID, .email, .cnBankCard: return true
    default: return false
    }
  }
}
