// The PC's own calendar day as YYYY-MM-DD: a clerk in UTC+8 at 07:00 is on today, not yesterday
// (toISOString would say yesterday). Backups, notices and upgrade copies are named by it.
const pad = (n: number) => String(n).padStart(2, '0');

export const localDay = (d: Date = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** HHMM of the PC's clock, for names that sort by time within a day. */
export const localTime = (d: Date = new Date()) => `${pad(d.getHours())}${pad(d.getMinutes())}`;

/** YYYY-MM-DD-HHMMSS of the PC's clock: a name the clerk reads as the time it was made. */
export const localStamp = (d: Date = new Date()) => `${localDay(d)}-${localTime(d)}${pad(d.getSeconds())}`;
