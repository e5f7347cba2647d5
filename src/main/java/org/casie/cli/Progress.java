package org.casie.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, drawn the same way by every verb. When stderr is not a terminal (CI logs,
 * redirects) the bar stays silent instead of filling the log with carriage-return frames.
 */
final class Progress {

    private Progress() {
    }

    static ProgressBar bar(String task, long max) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed().setMaxRenderedLength(100);
        if (System.console() == null) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> { }));
        } else {
            builder.continuousUpdate();
        }
        return builder.build();
    }
}
