export {
  calendarZone,
  parseClockTime,
  parseDay,
  validateCalendar,
  workingCalendarSchema,
  type CalendarIssue,
  type CalendarIssueKey,
  type WorkingCalendar,
  type WorkingPeriod,
} from './config';
export { DEFAULT_CALENDAR } from './holidays';
export { addWorkingMs, isWorkingDate, isWorkingTime, workingMsBetween } from './working-time';
export { NATURAL_CLOCK, clockOf, workingClock, type Clock } from './clock';
export {
  DEFAULT_TIME_ZONE,
  centreDate,
  centreDayStart,
  centreTimestamp,
  fixedZoneOffsetMs,
  isCentreZone,
  periodStart,
  zoneOffsetMs,
} from './zone';
export { formatCentreTime, type CentreTimeFormat, type TimeStyle } from './format';
