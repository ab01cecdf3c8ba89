package ai.connecty.athena.local.warehouse;

import ai.connecty.athena.local.api.AwsException;
import ai.connecty.athena.local.api.CallContext;
import java.util.function.BiPredicate;

/** A test caller whose rights are a predicate over (action, resource). */
final class AllowAll implements CallContext {

    private final BiPredicate<String, String> rule;

    AllowAll() {
        this((a, r) -> true);
    }

    AllowAll(BiPredicate<String, String> rule) {
        this.rule = rule;
    }

    @Override
    public String principalArn() {
        return "arn:aws:iam::123456789012:user/test";
    }

    @Override
    public String accountId() {
        return "123456789012";
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public boolean isAllowed(String action, String resourceArn) {
        return rule.test(action, resourceArn);
    }

    @Override
    public void authorize(String action, String resourceArn) {
        if (!isAllowed(action, resourceArn)) {
            throw new AwsException(400, "AccessDeniedException", "User: " + principalArn()
                    + " is not authorized to perform: " + action + " on resource: " + resourceArn);
        }
    }
}
