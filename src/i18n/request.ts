import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { defaultTimeZone, isLocale, isTimeZone, LOCALE_COOKIE, negotiateLocale, TIME_ZONE_COOKIE } from "./config";

// No locale in the URL: a space's address stays /u/<handle> in every
// language. The locale comes from the switch's cookie, else Accept-Language;
// the time zone from the browser (TimeZoneSync sets a cookie), else the
// locale's default (Asia/Shanghai for zh-CN).
export default getRequestConfig(async () => {
  const [jar, hdrs] = await Promise.all([cookies(), headers()]);
  const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(hdrs.get("accept-language"));
  const tz = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: isTimeZone(tz) ? tz : defaultTimeZone(locale),
    now: new Date(),
    messages: await loadMessages(locale),
  };
});
