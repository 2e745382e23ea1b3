// The cleaning lives in src/lib so the browser shows exactly the name the server stores.
export { cleanFileName } from "@/lib/file-name";
