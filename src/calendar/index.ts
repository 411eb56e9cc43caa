/** The calendar domain: working days, the inspection timetable and its renderings. */
export { LONDON, londonDay, londonDayFromIso, longDate, toIsoDate, type IsoDate } from './london';
export {
  ENGLAND,
  WEEKENDS_ONLY,
  addWorkingDays,
  bankHolidaysBetween,
  bankHolidaysIn,
  countWorkingDays,
  isWeekend,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  rollForwardToWorkingDay,
  type BankHoliday,
  type CountedDay,
  type WorkingWeek,
} from './workingDays';
export {
  DEFAULT_DAY_TIMES,
  DayTimes,
  DayTimesError,
  DayTimesOverrides,
  HhMm,
  atTimeOfDay,
  clockTimeOf,
  resolveDayTimes,
  type NamedTime,
} from './dayTimes';
export {
  DeadlineRuleError,
  NOTIFICATION,
  TIMETABLE_EDITIONS,
  TimetableEdition,
  computeTimetable,
  type InvalidTimetableReason,
  type Milestone,
  type Timetable,
  type TimetableRequest,
  type TimetableResult,
} from './timetable';
export { parseIsoDate, parseNaturalDate } from './naturalDate';
export { describeSource, describeWho, formatTimetableText, timetableToJson, type TimetableJson } from './format';
export { IcsExportError, milestoneUid, timetableToIcs, type IcsOptions } from './ics';
