/** Where an import statement sits, which decides whether it runs when its module loads. */
export interface ImportContext {
  /** Inside a function body: runs only when the function is called. */
  readonly lazy: boolean;
  /** Inside an `if TYPE_CHECKING:` branch: never runs. */
  readonly typeOnly: boolean;
}
