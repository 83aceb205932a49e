package dev.gatehouse.shared;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Object wanted = metadata.getAnnotationAttributes(ConditionalOnMode.class.getName()).get("value");
        return GatehouseMode.of(context.getEnvironment()) == wanted;
    }
}
