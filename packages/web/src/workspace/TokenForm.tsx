import { useState } from "react";
import { saveToken } from "./auth.js";

/** Asks for the token a workspace bound beyond loopback requires; kept for this tab only. */
export function TokenForm({ onToken }: { onToken(): void }) {
  const [value, setValue] = useState("");
  return (
    <form
      className="save-row"
      onSubmit={(e) => {
        e.preventDefault();
        saveToken(value.trim());
        onToken();
      }}
    >
      <label>
        Token <input type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder="from tieup token create" />
      </label>
      <button type="submit" disabled={value.trim() === ""}>
        Open the workspace
      </button>
    </form>
  );
}
