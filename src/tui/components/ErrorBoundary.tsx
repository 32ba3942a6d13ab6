// Catches an exception thrown while rendering a view so the session can end cleanly: the owner
// restores the terminal and reports the error on the main screen, where the reader can still see it.
import { Component, type ReactNode } from "react";

interface Props {
  onError: (error: Error) => void;
  children?: ReactNode;
}

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    // Nothing is drawn after a failure: the alternate screen is about to be left anyway.
    return this.state.failed ? null : this.props.children;
  }
}
