package com.replyguard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replyguard.dynalite.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * template.yaml through cfn-lint (AWS's CloudFormation linter, which expands the SAM transform
 * and checks every property against the resource specifications: types, lengths, allowed values,
 * references). Skipped with a message where cfn-lint is not installed; machines of this project's
 * kind have it. What cfn-lint cannot know (the code's routes, variables, log lines) TemplateTest checks.
 */
class TemplateLintTest {
    @Test
    void theTemplatePassesCfnLint() throws Exception {
        Assumptions.assumeTrue(available(), "cfn-lint not installed: template lint skipped (pip install cfn-lint)");
        Process p = new ProcessBuilder("cfn-lint", "--", ProjectLayout.template().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), "cfn-lint findings:\n" + out);
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
