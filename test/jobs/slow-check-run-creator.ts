import { setTimeout as sleep } from "node:timers/promises";

/** A GitHub that takes `ms` to create a check run, counting how many it made (ids from 1001). */
export function slowCheckRunCreator(ms = 50) {
  let made = 0;
  return {
    get made() {
      return made;
    },
    create: async () => {
      await sleep(ms);
      made += 1;
      return 1000 + made;
    },
  };
}
