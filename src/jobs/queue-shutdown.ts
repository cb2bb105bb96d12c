/** The abort reason when the process stops, told apart from a newer push superseding a job. */
export class QueueShutdown extends Error {
  constructor() {
    super("the worker is shutting down");
    this.name = "QueueShutdown";
  }
}
