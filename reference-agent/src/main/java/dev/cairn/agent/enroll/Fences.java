package dev.cairn.agent.enroll;

import dev.cairn.agent.state.FencedState;

/** The detail text of a fence: what was observed, within the state's limits. */
public final class Fences {
    private Fences() {}

    /**
     * A detail text: control characters replaced by spaces, cut to {@link FencedState#MAX_DETAIL}.
     *
     * @param text what was observed
     * @return the detail
     */
    public static String detail(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .limit(FencedState.MAX_DETAIL)
                .forEach(out::appendCodePoint);
        String cut = out.toString();
        return cut.length() > FencedState.MAX_DETAIL ? cut.substring(0, FencedState.MAX_DETAIL) : cut;
    }
}
