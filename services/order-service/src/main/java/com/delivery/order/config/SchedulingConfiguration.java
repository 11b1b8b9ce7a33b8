package com.delivery.order.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the order deadline sweep ({@code OrderDeadlineSweep}). */
@Configuration
@EnableScheduling
class SchedulingConfiguration {
}
