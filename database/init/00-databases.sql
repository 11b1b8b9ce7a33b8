-- One role and one database per service (passwords here are for local/dev containers only;
-- deployments take them from secrets). Used by Docker-based setups on an empty cluster.
CREATE ROLE users LOGIN PASSWORD 'users';
CREATE DATABASE users OWNER users;
CREATE ROLE orders LOGIN PASSWORD 'orders';
CREATE DATABASE orders OWNER orders;
CREATE ROLE vendors LOGIN PASSWORD 'vendors';
CREATE DATABASE vendors OWNER vendors;
CREATE ROLE drivers LOGIN PASSWORD 'drivers';
CREATE DATABASE drivers OWNER drivers;
CREATE ROLE payments LOGIN PASSWORD 'payments';
CREATE DATABASE payments OWNER payments;
CREATE ROLE notifications LOGIN PASSWORD 'notifications';
CREATE DATABASE notifications OWNER notifications;
CREATE ROLE kit LOGIN PASSWORD 'kit';
CREATE DATABASE kit OWNER kit;
\connect vendors
CREATE EXTENSION IF NOT EXISTS postgis;
\connect orders
CREATE EXTENSION IF NOT EXISTS postgis;
\connect kit
CREATE EXTENSION IF NOT EXISTS postgis;
