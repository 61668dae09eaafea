// Reads an iCalendar file on stdin and prints its events as ical.js 2.2.1 sees them: each
// start and end as UTC, computed by ical.js from the file's own VTIMEZONE blocks.
import ICAL from "ical.js";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;

const calendar = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    tzid: event.startDate.zone ? event.startDate.zone.tzid : null,
    start_utc: event.startDate.toJSDate().toISOString(),
    end_utc: event.endDate.toJSDate().toISOString(),
  };
});
process.stdout.write(JSON.stringify(events));
